import { errorCode } from "../io/file-system.js";

/** The status the server answered with, or why there was none (ECONNREFUSED, TimeoutError). */
export type HttpAnswer = { status: number } | { error: string };

/** One GET; a redirect is an answer (3xx counts as up), never followed. */
export async function httpGet(url: string, timeoutMs: number): Promise<HttpAnswer> {
  try {
    // AbortSignal.timeout takes whole milliseconds only: a fraction throws ERR_OUT_OF_RANGE.
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
    const response = await fetch(url, { redirect: "manual", signal });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    return { error: errorCode(cause) ?? (cause instanceof Error ? cause.name : String(cause)) };
  }
}
