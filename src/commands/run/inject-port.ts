import { optionValues, setOption } from "../../command-line/set-option.js";
import { UsageError } from "../../findings/errors.js";
import { locateProgram } from "../../programs/locate-program.js";
import type { ServerProgram } from "../../programs/server-programs.js";
import { hostPort } from "../../util/host-port.js";
import { runWords } from "../../words/run-words.js";

export interface Injected {
  args: string[];
  /** Variables the program reads its address from (ollama's OLLAMA_HOST). */
  env: Record<string, string>;
  /** The address the program is given: one written on its command line wins over the scope's. */
  host: string;
}

const ADDRESS = /^(?:.*:)?(\d{1,5})$/;

/** `127.0.0.1:8000`, `[::1]:8000`, `8000` or `localhost`: the host and the port a bind value names. */
function splitAddress(value: string): { host: string | undefined; port: string | undefined } {
  const port = ADDRESS.exec(value)?.[1];
  const rest = port === undefined ? value : value.slice(0, Math.max(0, value.length - port.length - 1));
  const host = rest.replace(/^\[|\]$/g, "");
  return { host: host === "" || value.startsWith("unix:") ? undefined : host, port };
}

/** `http.server 8001`: the bare words after the program that are no option and no option's value. */
function positionalPorts(words: readonly string[], from: number, program: ServerProgram): string[] {
  if (program.portArgument !== "port") return [];
  const takesValue = new Set([...(program.flagsWithValue ?? []), ...(program.host ?? []), ...(program.bind ?? [])]);
  return words.slice(from).filter((word, i, rest) => /^\d+$/.test(word) && !takesValue.has(rest[i - 1] ?? ""));
}

/** The port the command line already gives, which must be the registry's: `run` never moves a service. */
function writtenPorts(words: readonly string[], from: number, program: ServerProgram): number[] {
  const addresses = optionValues(words, from, program.bind ?? []).map((value) => ADDRESS.exec(value)?.[1]);
  return [...optionValues(words, from, program.port), ...addresses, ...positionalPorts(words, from, program)].flatMap((value) =>
    value === undefined || !/^\d+$/.test(value) ? [] : [Number(value)],
  );
}

/** The host the command line already gives (`--host 127.0.0.1`, `-b 127.0.0.1:8000`), which the program will use. */
function writtenHost(words: readonly string[], from: number, program: ServerProgram, address: string | undefined): string | undefined {
  const binds = [...optionValues(words, from, program.bind ?? []), ...(address === undefined ? [] : [address])].map((value) => splitAddress(value).host);
  return [...optionValues(words, from, program.host ?? []), ...binds].find((host) => host !== undefined && host !== "");
}

/**
 * The command with the program's own port (and host) options from the table of server programs, as `--inject flag`
 * asks. A host the command already names is kept, never overwritten; `chosen` is `run --host`, which must agree with it.
 */
export function injectPort(command: readonly string[], port: number, host: string, chosen?: string): Injected {
  const words = [...command];
  const located = locateProgram(words);
  const known = located.known;
  if (known === undefined) throw new UsageError(runWords().unknownProgram(located.name || (words[0] ?? "")));
  const { program, id } = known;
  const subcommand = words.findIndex((word, j) => j > located.at && program.subcommands?.includes(word) === true);
  if (program.subcommands !== undefined && subcommand < 0) throw new UsageError(runWords().noSubcommand(id, program.subcommands));
  const from = subcommand < 0 ? located.at + 1 : subcommand + 1;
  const other = writtenPorts(words, from, program).find((written) => written !== port);
  if (other !== undefined) throw new UsageError(runWords().otherPort(other, port));
  // `runserver [addr:]port`: the first word after the sub-command that is no option.
  const at = program.portArgument === "address" ? words.findIndex((word, j) => j >= from && !word.startsWith("-")) : -1;
  const address = at < 0 || !ADDRESS.test(words[at] ?? "") ? undefined : words[at];
  const written = writtenHost(words, from, program, address);
  if (written !== undefined && chosen !== undefined && written !== chosen) throw new UsageError(runWords().otherHost(written, chosen));
  const serving = written ?? host;
  const wantsHost = written === undefined && !(host === "0.0.0.0" && program.listensOnAll === true);

  if (program.bindAll === "environment" && program.hostVariable !== undefined) return { args: words, env: { [program.hostVariable]: hostPort(host, port) }, host };
  if (program.portArgument === "address") {
    const given = address === undefined ? undefined : ADDRESS.exec(address)?.[1];
    // A first word that names no port (a settings value) is left alone; the address goes before it.
    if (given !== undefined && Number(given) !== port) throw new UsageError(runWords().otherPort(Number(given), port));
    const out = [...words];
    if (given === undefined) out.splice(from, 0, hostPort(host, port));
    else out[at] = hostPort(serving, port);
    return { args: out, env: {}, host: serving };
  }
  let out = words;
  if (program.portArgument === "port") {
    if (!words.slice(from).includes(String(port))) out = [...out, String(port)];
  } else if (program.port.length > 0) {
    out = setOption(out, from, { names: program.port, value: String(port) });
  } else if (program.bind !== undefined) {
    const binds = optionValues(words, from, program.bind);
    // Every bind already names this port (a host with it): the command stays as written.
    if (binds.length > 0 && binds.every((value) => splitAddress(value).port === String(port))) return { args: out, env: {}, host: serving };
    return { args: setOption(out, from, { names: program.bind, value: hostPort(serving, port) }), env: {}, host: serving };
  } else {
    throw new UsageError(runWords().unknownProgram(id));
  }
  if (wantsHost && program.host !== undefined) out = setOption(out, from, { names: program.host, value: host });
  const exact = program.exactPort?.[0];
  if (exact !== undefined && !out.includes(exact)) out = [...out, exact];
  return { args: out, env: {}, host: serving };
}
