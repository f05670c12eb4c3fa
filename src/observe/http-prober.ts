import { errorCode } from "../io/file-system.js";

/** The status the server answered with, or why there was none (ECONNREFUSED, TimeoutError). */
export type HttpAnswer = { status: number } | { error: string };

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
}

/** `%40` is `@`; a stray `%` that starts no escape stays as written. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** fetch refuses `http://user:pass@host/`: the user and password go into an Authorization header (basic) instead. */
export function withCredentials(given: string): HttpRequest {
  const url = new URL(given);
  if (url.username === "" && url.password === "") return { url: given, headers: {} };
  const pair = `${decoded(url.username)}:${decoded(url.password)}`;
  url.username = "";
  url.password = "";
  return { url: url.href, headers: { authorization: `Basic ${Buffer.from(pair, "utf8").toString("base64")}` } };
}

/** An answer with its body read as text (a Prometheus API answer, a /metrics page). */
export type HttpBody = { status: number; body: string } | { error: string };

/** One GET. The body is read, or cancelled, within the same timeout. */
async function get<T>(request: HttpRequest, timeoutMs: number, redirect: "manual" | "follow", read: (response: Response) => Promise<T>): Promise<T | { error: string }> {
  try {
    // AbortSignal.timeout takes whole milliseconds only: a fraction throws ERR_OUT_OF_RANGE.
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
    const response = await fetch(request.url, { redirect, signal, headers: request.headers });
    return await read(response);
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    // fetch's own refusals (a blocked port such as 1 or 6000) are plain Errors: their message is all they say.
    return { error: errorCode(cause) ?? (cause instanceof Error ? (cause.name === "Error" ? cause.message : cause.name) : String(cause)) };
  }
}

/** One GET whose status is the answer: a redirect is an answer, never followed (3xx counts as up). */
export function httpGet(request: HttpRequest, timeoutMs: number): Promise<HttpAnswer> {
  return get(request, timeoutMs, "manual", async (response) => {
    await response.body?.cancel();
    return { status: response.status };
  });
}

/**
 * One GET whose body is wanted too (a Prometheus API, a node's /metrics): redirects are followed, as Prometheus's own
 * clients do behind a proxy that moves it to https or a path, and a URL's user and password are sent (basic auth).
 */
export function httpGetBody(url: string, timeoutMs: number): Promise<HttpBody> {
  return get(withCredentials(url), timeoutMs, "follow", async (response) => ({ status: response.status, body: await response.text() }));
}
