// Pure: the command line is split into words and quoted back, never run.

import { joinCommandLine } from "../command-line/quote-command-line.js";
import { splitCommandLine, styleOf } from "../command-line/split-command-line.js";
import { locateProgram, type LocatedProgram } from "../programs/locate-program.js";
import { bindsAll, type BindAllProgram, type ServerProgram } from "../programs/server-programs.js";
import { checkPort, sentences } from "./fix-helpers.js";
import type { BindProgram, FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";
import { replaceLoopbackValues } from "./loopback-values.js";
import { ollamaFix } from "./ollama-fix.js";
import { postgresCommands, postgresWords } from "./postgres-fix.js";
import { setOption } from "../command-line/set-option.js";

export interface BindFix extends FixText {
  program: BindProgram;
}

interface Located {
  id: BindAllProgram;
  program: ServerProgram;
  at: number;
  subcommand: number;
  /** `next-server (v14.2.3)`, `puma 6.4.2 (tcp://...)`. */
  title: boolean;
}

/** One whose port argument follows a sub-command needs that sub-command. */
function locate(words: readonly string[], { known, at, title }: LocatedProgram): Located | undefined {
  if (known === undefined || !bindsAll(known.id)) return undefined;
  const { program } = known;
  const subcommand = words.findIndex((word, j) => j > at && program.subcommands?.includes(word) === true);
  if (program.bindAll === "address-argument" && subcommand < 0) return undefined;
  return { id: known.id, program, at, subcommand, title };
}

const ADDRPORT = /^(?:(?<host>\[[^\]]*\]|[^:\s[\]]+):)?(?<port>\d{1,5})$/;

/** `runserver [addr:]port`: the first argument after the sub-command made every address, or added. */
function addressArgument(words: readonly string[], subcommand: number, port: number): string[] {
  const out = [...words];
  const ipv6 = out.some((word) => word === "-6" || word === "--ipv6");
  const address = (p: string): string => (ipv6 ? `[::]:${p}` : `0.0.0.0:${p}`);
  for (let j = subcommand + 1; j < out.length; j++) {
    const word = out[j] ?? "";
    if (word.startsWith("-")) continue;
    const match = ADDRPORT.exec(word);
    if (match?.groups !== undefined) {
      out[j] = address(match.groups["port"] ?? String(port));
      return out;
    }
  }
  out.splice(subcommand + 1, 0, address(String(port)));
  return out;
}

const TITLE_ADDRESS = /^(\*|localhost|\[?[0-9a-fA-F:.]+\]?):(\d{1,5})$/;

function hostOption({ program, at, subcommand }: Located, words: readonly string[]): string[] {
  const host = program.host ?? [];
  // A title's address is not an argument, its port is.
  const title = program.addressInTitle === true && words.length === at + 2 ? TITLE_ADDRESS.exec(words[at + 1] ?? "") : null;
  const out = title === null ? words : [...words.slice(0, at + 1), program.port[0] ?? "--port", title[2] ?? ""];
  return setOption(out, subcommand < 0 ? at + 1 : subcommand + 1, { names: host, value: "0.0.0.0", before: program.port });
}

/** For a process that shows only a title: started again with its usual options. */
function fromTitle(program: ServerProgram, port: number): string {
  return [...(program.start ?? []), program.host?.[0] ?? "", "0.0.0.0", program.port[0] ?? "", String(port)].join(" ");
}

/** Unrecognised programs get generic advice, with a rewritten command only when a host-like option visibly holds loopback. */
export function bindAllInterfacesFix(commandLine: string | undefined, port: number, os: FixOs = "linux"): BindFix {
  checkPort(port);
  const t = fixWords().bind;
  const style = styleOf(os);
  const words = commandLine === undefined ? [] : splitCommandLine(commandLine, style);
  const program = locateProgram(words);
  const located = locate(words, program);
  const shell = os === "windows" ? t.powershell : "";
  if (located === undefined) {
    const replaced = replaceLoopbackValues(words, program.known?.program);
    const lead = t.loopbackOnly(t.label.unknown);
    if (replaced === undefined) return { program: "unknown", summary: sentences(lead, t.generic), commands: [] };
    return { program: "unknown", summary: sentences(lead, t.genericRewritten, t.generic, shell), commands: [joinCommandLine(replaced, style)] };
  }
  const { id, at } = located;
  const lead = t.loopbackOnly(t.label[id]);
  switch (located.program.bindAll) {
    case "environment": {
      const fix = ollamaFix(words, at, located.program.hostVariable ?? "", port, os);
      return { program: id, summary: sentences(lead, fix.summary), commands: fix.commands };
    }
    case "server-setting": {
      const own = postgresWords(words, at, located.program.host ?? []);
      const commands = [...(own === undefined ? [] : [joinCommandLine(own, style)]), ...postgresCommands(os, port)];
      return { program: id, summary: sentences(lead, t.postgres({ commandLine: own !== undefined }), shell), commands };
    }
    case "address-argument": {
      const command = joinCommandLine(addressArgument(words, located.subcommand, port), style);
      return { program: id, summary: sentences(lead, t.restart, t.note[id], shell), commands: [command] };
    }
    default: {
      if (located.title && located.program.start !== undefined) {
        return { program: id, summary: sentences(lead, t.titleOnly, t.note[id]), commands: [fromTitle(located.program, port)] };
      }
      const command = joinCommandLine(hostOption(located, words), style);
      const extra = id === "redis" ? t.redis : t.note[id];
      return { program: id, summary: sentences(lead, located.title ? t.titleOnly : t.restart, extra, shell), commands: [command] };
    }
  }
}
