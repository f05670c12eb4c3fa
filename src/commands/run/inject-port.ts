import { optionValues, setOption } from "../../command-line/set-option.js";
import { UsageError } from "../../findings/errors.js";
import { locateProgram } from "../../programs/locate-program.js";
import type { ServerProgram } from "../../programs/server-programs.js";
import { runWords } from "../../words/run-words.js";

export interface Injected {
  args: string[];
  /** Variables the program reads its address from (ollama's OLLAMA_HOST). */
  env: Record<string, string>;
}

const ADDRESS = /^(?:.*:)?(\d{1,5})$/;

/** The port the command line already gives, which must be the registry's: `run` never moves a service. */
function writtenPorts(words: readonly string[], from: number, program: ServerProgram): number[] {
  const addresses = optionValues(words, from, program.bind ?? []).map((value) => ADDRESS.exec(value)?.[1]);
  return [...optionValues(words, from, program.port), ...addresses].flatMap((value) => (value === undefined || !/^\d+$/.test(value) ? [] : [Number(value)]));
}

const hostPort = (host: string, port: number): string => `${host.includes(":") ? `[${host}]` : host}:${port}`;

/** The command with the program's own port (and host) options from the table of server programs, as `--inject flag` asks. */
export function injectPort(command: readonly string[], port: number, host: string): Injected {
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
  const wantsHost = !(host === "0.0.0.0" && program.listensOnAll === true);

  if (program.bindAll === "environment" && program.hostVariable !== undefined) return { args: words, env: { [program.hostVariable]: hostPort(host, port) } };
  if (program.portArgument === "address") {
    // `runserver [addr:]port`: the first word after the sub-command that is no option.
    const at = words.findIndex((word, j) => j >= from && !word.startsWith("-"));
    const given = at < 0 ? undefined : ADDRESS.exec(words[at] ?? "")?.[1];
    if (given !== undefined && Number(given) !== port) throw new UsageError(runWords().otherPort(Number(given), port));
    const out = [...words];
    if (given === undefined) out.splice(from, 0, hostPort(host, port));
    else out[at] = hostPort(host, port);
    return { args: out, env: {} };
  }
  let out = words;
  if (program.portArgument === "port") {
    if (!words.slice(from).includes(String(port))) out = [...out, String(port)];
  } else if (program.port.length > 0) {
    out = setOption(out, from, { names: program.port, value: String(port) });
  } else if (program.bind !== undefined) {
    return { args: setOption(out, from, { names: program.bind, value: hostPort(host, port) }), env: {} };
  } else {
    throw new UsageError(runWords().unknownProgram(id));
  }
  if (wantsHost && program.host !== undefined) out = setOption(out, from, { names: program.host, value: host });
  const exact = program.exactPort?.[0];
  if (exact !== undefined && !out.includes(exact)) out = [...out, exact];
  return { args: out, env: {} };
}
