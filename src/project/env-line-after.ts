import { MASK, maskValue } from "../util/mask-secrets.js";
import type { PortReference } from "./port-reference.js";

/** Where `needle` stands in `text` once, not inside a longer number; undefined when it is not there or there twice. */
function onlyPlace(text: string, needle: string): number | undefined {
  const places: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!/\d/.test(text.charAt(at - 1)) && !/\d/.test(text.charAt(at + needle.length))) places.push(at);
  }
  return places.length === 1 ? places[0] : undefined;
}

/**
 * The .env line as it reads once a port or host edit is made (`FASTAPI_PORT=8020`), for a fix that shows what to
 * write rather than a command; secrets stay masked. Undefined where the edit's place in the value is not certain.
 */
export function envLineAfter(ref: PortReference, edit: { kind: "port"; port: number } | { kind: "host"; host: string }): { line: string; masked: boolean } | undefined {
  if (ref.kind !== "env" || ref.key === undefined || ref.informational === true) return undefined;
  const port = String(ref.port);
  const needle = edit.kind === "port" ? port : `${ref.host ?? ""}:${port}`;
  const at = ref.host === undefined && edit.kind === "host" ? undefined : onlyPlace(ref.text, needle);
  if (at === undefined) return undefined;
  const replacement = edit.kind === "port" ? String(edit.port) : `${edit.host}:${port}`;
  const value = ref.text.slice(0, at) + replacement + ref.text.slice(at + needle.length);
  const shown = maskValue(ref.key, value);
  return { line: `${ref.key}=${shown}`, masked: shown.includes(MASK) };
}
