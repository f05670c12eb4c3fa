import { jsonStringMapped } from "./json-string-mapped.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { portNumber } from "./port-number.js";
import { isPortKey } from "./is-port-key.js";
import { commandReference, portsInArgv } from "./scan-command-line.js";
import { commandLineReferences, roleOfKey, textLines, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const INSTRUCTION = /^\s*([A-Za-z]+)\s+/;
const ENV_PAIR = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** An instruction with its continuation lines (`\` at the end) as one line; positions stay those of the file. */
function* instructions(text: string): Generator<{ name: string; args: string; at: number }> {
  let pending: { line: string; start: number } | undefined;
  for (const { line, start } of textLines(text)) {
    if (pending === undefined && (line.trimStart().startsWith("#") || line.trim() === "")) continue;
    // A continued line keeps its own offset: the joined text is padded, not shifted.
    const joined: { line: string; start: number } = pending === undefined ? { line, start } : { line: pending.line + " ".repeat(start - pending.start - pending.line.length) + line, start: pending.start };
    if (/\\\s*$/.test(line)) {
      pending = { line: joined.line.replace(/\\\s*$/, (m) => " ".repeat(m.length)), start: joined.start };
      continue;
    }
    pending = undefined;
    const match = INSTRUCTION.exec(joined.line);
    if (match !== null) yield { name: (match[1] ?? "").toUpperCase(), args: joined.line.slice(match[0].length), at: joined.start + match[0].length };
  }
}

function expose(args: string, at: number, site: FileSite, references: PortReference[]): void {
  for (const word of args.matchAll(/\S+/g)) {
    const digits = /^(\d+)(?:\/(?:tcp|udp))?$/i.exec(word[0])?.[1];
    const port = digits === undefined ? undefined : portNumber(digits);
    if (port === undefined || digits === undefined) continue;
    const offset = at + word.index;
    references.push({ file: site.file, ...site.position(offset), offset, length: digits.length, port, kind: "dockerfile", key: "EXPOSE", text: `EXPOSE ${args.trim()}`, role: "listen" });
  }
}

function env(args: string, at: number, site: FileSite, references: PortReference[]): void {
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!\S*=)(.*)$/.exec(args);
  const pairs = legacy !== null ? [{ key: legacy[1] ?? "", value: legacy[2] ?? "", index: args.length - (legacy[2] ?? "").length }] : [...args.matchAll(ENV_PAIR)].map((m) => ({ key: m[1] ?? "", value: m[2] ?? "", index: m.index + (m[1] ?? "").length + 1 }));
  for (const { key, value, index } of pairs) {
    const role = isPortKey(key) ? "listen" : roleOfKey(key);
    references.push(...valueReferences(value, at + index, site, { key, text: `${key}=${value}`, role }));
  }
}

function command(name: string, args: string, at: number, text: string, site: FileSite, references: PortReference[]): void {
  const exec = args.trim();
  if (exec.startsWith("[")) {
    const words = [...args.matchAll(JSON_STRING)].map((m) => jsonStringMapped(text, at + m.index, at + m.index + m[0].length));
    for (const found of portsInArgv(words)) references.push(commandReference(found, site, { kind: "dockerfile", key: name, text: exec, role: "listen" }));
    return;
  }
  references.push(...commandLineReferences(args, at, site, name));
}

/** `EXPOSE`, `ENV`, and the ports of `CMD`/`ENTRYPOINT` (exec and shell form) through the command-line scanner. */
export function scanDockerfile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "dockerfile" };
  const references: PortReference[] = [];
  for (const { name, args, at } of instructions(text)) {
    if (name === "EXPOSE") expose(args, at, site, references);
    else if (name === "ENV") env(args, at, site, references);
    else if (name === "CMD" || name === "ENTRYPOINT") command(name, args, at, text, site, references);
  }
  return { references, problems: [] };
}
