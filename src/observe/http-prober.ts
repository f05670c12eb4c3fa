import { errorCode } from "../io/file-system.js";

/** The status the server answered with, or why there was none (ECONNREFUSED, TimeoutError). */
export type HttpAnswer = { status: number } | { error: string };

/** An answer with its body read as text (a Prometheus API answer, a /metrics page). */
export type HttpBody = { status: number; body: string } | { error: string };

/** One GET; a redirect is an answer, never followed. The body is read, or cancelled, within the same timeout. */
async function get<T>(url: string, timeoutMs: number, read: (response: Response) => Promise<T>): Promise<T | { error: string }> {
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    return await read(response);
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    // fetch's own refusals (a blocked port such as 1 or 6000) are plain Errors: their message is all they say.
    return { error: errorCode(cause) ?? (cause instanceof Error ? (cause.name === "Error" ? cause.message : cause.name) : String(cause)) };
  }
}

/** One GET whose status is the answer (3xx counts as up). */
export function httpGet(url: string, timeoutMs: number): Promise<HttpAnswer> {
  return get(url, timeoutMs, async (response) => {
    await response.body?.cancel();
    return { status: response.status };
  });
}

/** One GET whose body is wanted too. */
export function httpGetBody(url: string, timeoutMs: number): Promise<HttpBody> {
  return get(url, timeoutMs, async (response) => ({ status: response.status, body: await response.text() }));
}
