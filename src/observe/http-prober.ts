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

/** One GET; a redirect is an answer (3xx counts as up), never followed. */
export async function httpGet(request: HttpRequest, timeoutMs: number): Promise<HttpAnswer> {
  try {
    // AbortSignal.timeout takes whole milliseconds only: a fraction throws ERR_OUT_OF_RANGE.
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
    const response = await fetch(request.url, { redirect: "manual", signal, headers: request.headers });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    return { error: errorCode(cause) ?? (cause instanceof Error ? cause.name : String(cause)) };
  }
}
