// Listening on loopback only: the program's own option for every address, rewritten from its real
// command line. Pure: the command line is split into words and quoted back, never run.

import { joinCommandLine, splitCommandLine, styleOf } from "../command-line/command-line.js";
import { checkPort, sentences } from "./fix-helpers.js";
import { FIX_TEXT, type BindFix, type BindProgram, type FixOs, type FixText } from "./fix-text.js";

const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const RUNSERVER = /^runserver(_plus)?$/;
const PYTHON = /^(python(\d+(\.\d+)*)?w?|py|pypy3?)$/;
const NODE = /^(node|nodejs|bun|ruby)$/;
/** Launchers whose own words come before the program's: the sub-command they need, "" for none. */
const WRAPPERS: ReadonlyMap<string, string> = new Map([
  ["sudo", ""],
  ["env", ""],
  ["npx", ""],
  ["bunx", ""],
  ["pnpx", ""],
  ["uv", "run"],
  ["poetry", "run"],
  ["pipenv", "run"],
  ["pnpm", "exec"],
  ["npm", "exec"],
  ["bundle", "exec"],
]);
const PYTHON_MODULES: ReadonlyMap<string, Located["program"]> = new Map([
  ["uvicorn", "uvicorn"],
  ["flask", "flask"],
  ["http.server", "http.server"],
  ["django", "django"],
]);

interface Located {
  program: Exclude<BindProgram, "unknown">;
  /** Index of the word naming the program; its arguments follow. */
  at: number;
  /** The process replaced its arguments by a title (`next-server (v14.2.3)`, `puma 6.4.2 (tcp://...)`). */
  title: boolean;
}

/** The file name of a program or script word, lower case, without .exe/.cmd/.bat. */
function programName(word: string): string {
  const last = word.split(/[\\/]/).pop() ?? word;
  return last.toLowerCase().replace(/\.(exe|cmd|bat)$/, "");
}

function locate(words: readonly string[]): Located | undefined {
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? "";
    if (ENV_ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    const name = programName(word);
    const sub = WRAPPERS.get(name);
    if (sub !== undefined) {
      i++;
      if (sub !== "") {
        if (words[i] !== sub) return undefined;
        i++;
      }
      while (i < words.length && (words[i] ?? "").startsWith("-")) i++;
      continue;
    }
    if (PYTHON.test(name)) return afterPython(words, i + 1);
    if (NODE.test(name)) {
      let j = i + 1;
      while (j < words.length && (words[j] ?? "").startsWith("-")) j += ["-r", "--require", "--import", "--loader"].includes(words[j] ?? "") ? 2 : 1;
      return classify(words, j);
    }
    return classify(words, i);
  }
  return undefined;
}

function afterPython(words: readonly string[], from: number): Located | undefined {
  for (let j = from; j < words.length; j++) {
    const word = words[j] ?? "";
    if (word === "-m" || (word.startsWith("-m") && !word.startsWith("--"))) {
      const at = word === "-m" ? j + 1 : j;
      const program = PYTHON_MODULES.get(word === "-m" ? (words[j + 1] ?? "") : word.slice(2));
      return program === undefined ? undefined : { program, at, title: false };
    }
    if (word === "-c") return undefined;
    if (["-X", "-W", "-Q"].includes(word)) j++;
    else if (!word.startsWith("-")) return classify(words, j);
  }
  return undefined;
}

function classify(words: readonly string[], at: number): Located | undefined {
  const word = words[at];
  if (word === undefined) return undefined;
  const name = programName(word);
  const found = (program: Located["program"], title = false): Located => ({ program, at, title });
  if (name === "uvicorn") return found("uvicorn");
  if (name === "flask") return found("flask");
  if (name === "next") return found("next");
  if (name.startsWith("next-server")) return found("next", true);
  if (name === "vite" || name === "vite.js") return found("vite");
  if ((name === "manage.py" || name.startsWith("django-admin")) && words.some((w, j) => j > at && RUNSERVER.test(w))) return found("django");
  if (name === "rails") return found("rails");
  if (name === "puma") return found("rails", true);
  if (name === "main.py" && (word.toLowerCase().includes("comfyui") || words.slice(at + 1).some((w) => w === "--listen" || w.startsWith("--listen=")))) {
    return found("comfyui");
  }
  if (name === "ollama") return found("ollama");
  if (name === "redis-server") return found("redis");
  if (name === "postgres" || name === "postmaster") return found("postgres");
  return undefined;
}

interface OptionSpec {
  /** Spellings of the listening-address option; the first is the one added. */
  names: readonly string[];
  value: string;
  /** When the option is missing, add it before the first of these (the port option), else at the end. */
  before?: readonly string[];
  /** Replace only; never add. */
  replaceOnly?: boolean;
}

const isOption = (word: string, names: readonly string[]): boolean =>
  names.some((name) => word === name || (name.startsWith("--") && word.startsWith(`${name}=`)));

/** Sets the option everywhere it appears after `from` (`--host X`, `--host=X`), or adds it once. */
function setOption(words: readonly string[], from: number, spec: OptionSpec): string[] {
  const out = [...words];
  let found = false;
  for (let j = from; j < out.length; j++) {
    const word = out[j] ?? "";
    if (spec.names.includes(word)) {
      found = true;
      const next = out[j + 1];
      if (next !== undefined && !next.startsWith("-")) out[j + 1] = spec.value;
      else out.splice(j + 1, 0, spec.value);
      j++;
    } else {
      const long = spec.names.find((name) => name.startsWith("--") && word.startsWith(`${name}=`));
      if (long !== undefined) {
        out[j] = `${long}=${spec.value}`;
        found = true;
      }
    }
  }
  if (found || spec.replaceOnly === true) return out;
  const before = out.findIndex((word, j) => j >= from && isOption(word, spec.before ?? []));
  out.splice(before === -1 ? out.length : before, 0, spec.names[0] ?? "", spec.value);
  return out;
}

const LOOPBACK_VALUE =
  /^(?<scheme>[a-z][a-z0-9+.-]*:\/\/)?(?<host>127(?:\.\d{1,3}){3}|localhost|ip6-localhost|\[::1\]|::1)(?<rest>:\d{1,5})?(?<path>\/.*)?$/i;

/** `127.0.0.1`, `localhost:8000`, `tcp://[::1]:3000` with the host made 0.0.0.0; undefined when not loopback. */
function unloopback(value: string): string | undefined {
  const groups = LOOPBACK_VALUE.exec(value)?.groups;
  if (groups === undefined) return undefined;
  return `${groups["scheme"] ?? ""}0.0.0.0${groups["rest"] ?? ""}${groups["path"] ?? ""}`;
}

const HOST_OPTIONS = ["--host", "--hostname", "--bind", "--bind-address", "--listen", "--listen-address", "--address", "--addr", "--ip", "--server.address", "-b", "-h", "-H", "-S", "-l"];

/** For a program not recognised: any host-like option whose value is a loopback address, made 0.0.0.0. */
function replaceLoopbackValues(words: readonly string[]): string[] | undefined {
  const out = [...words];
  let changed = false;
  for (let j = 0; j < out.length; j++) {
    const word = out[j] ?? "";
    const next = out[j + 1];
    if (HOST_OPTIONS.includes(word) && next !== undefined) {
      const value = unloopback(next);
      if (value !== undefined) {
        out[j + 1] = value;
        changed = true;
        j++;
      }
      continue;
    }
    const eq = word.indexOf("=");
    if (eq > 0 && HOST_OPTIONS.includes(word.slice(0, eq))) {
      const value = unloopback(word.slice(eq + 1));
      if (value !== undefined) {
        out[j] = `${word.slice(0, eq + 1)}${value}`;
        changed = true;
      }
    }
  }
  return changed ? out : undefined;
}

const ADDRPORT = /^(?:(?<host>\[[^\]]*\]|[^:\s[\]]+):)?(?<port>\d{1,5})$/;

function djangoWords(words: readonly string[], at: number, port: number): string[] {
  const out = [...words];
  const runserver = out.findIndex((word, j) => j > at && RUNSERVER.test(word));
  const ipv6 = out.some((word) => word === "-6" || word === "--ipv6");
  const address = (p: string): string => (ipv6 ? `[::]:${p}` : `0.0.0.0:${p}`);
  for (let j = runserver + 1; j < out.length; j++) {
    const word = out[j] ?? "";
    if (word.startsWith("-")) continue;
    const match = ADDRPORT.exec(word);
    if (match?.groups !== undefined) {
      out[j] = address(match.groups["port"] ?? String(port));
      return out;
    }
  }
  out.splice(runserver + 1, 0, address(String(port)));
  return out;
}

const REDIS_TITLE_ADDRESS = /^(\*|localhost|\[?[0-9a-fA-F:.]+\]?):(\d{1,5})$/;

function redisWords(words: readonly string[], at: number): string[] {
  // Redis retitles its process `redis-server 127.0.0.1:6379`: that address is not an argument, the port is.
  const title = words.length === at + 2 ? REDIS_TITLE_ADDRESS.exec(words[at + 1] ?? "") : null;
  const out = title === null ? [...words] : [...words.slice(0, at + 1), "--port", title[2] ?? ""];
  return setOption(out, at + 1, { names: ["--bind"], value: "0.0.0.0", before: ["--port"] });
}

function postgresWords(words: readonly string[], at: number): string[] | undefined {
  let out = setOption(words, at + 1, { names: ["-h"], value: "*", replaceOnly: true });
  out = out.map((word, j) => {
    const previous = out[j - 1];
    if (previous === "-c" && word.startsWith("listen_addresses=")) return "listen_addresses=*";
    if (word.startsWith("--listen_addresses=") || word.startsWith("--listen-addresses=")) return `${word.slice(0, word.indexOf("="))}=*`;
    return word;
  });
  return out.some((word, j) => word !== words[j]) ? out : undefined;
}

function postgresCommands(os: FixOs, port: number): string[] {
  const psql = os === "linux" ? `sudo -u postgres psql -p ${port}` : os === "macos" ? `psql -p ${port} -d postgres` : `psql -p ${port} -U postgres`;
  return [`${psql} -c "ALTER SYSTEM SET listen_addresses = '*'"`, `${psql} -c "SHOW hba_file"`];
}

function ollamaFix(words: readonly string[], at: number, port: number, os: FixOs): FixText {
  const t = FIX_TEXT.bind.ollama;
  const value = `0.0.0.0:${port}`;
  if (os === "windows") return { summary: t.windows(port), commands: [`setx OLLAMA_HOST ${value}`] };
  if ((words[at] ?? "").includes("Ollama.app")) {
    return { summary: sentences(t.shell(port), t.macApp), commands: [`launchctl setenv OLLAMA_HOST ${value}`] };
  }
  const rest = words.filter((word, j) => !(j < at && word.startsWith("OLLAMA_HOST=")));
  return {
    summary: sentences(t.shell(port), os === "linux" ? t.systemd(port) : ""),
    commands: [joinCommandLine([`OLLAMA_HOST=${value}`, ...rest], "posix")],
  };
}

/** The same program started again with its usual options, for a process that shows only a title. */
function fromTitle(program: "next" | "rails", port: number): string {
  return program === "next" ? `next dev -H 0.0.0.0 -p ${port}` : `bin/rails server -b 0.0.0.0 -p ${port}`;
}

function rewrite(located: Located, words: readonly string[], port: number): string[] {
  const { program, at } = located;
  const from = at + 1;
  switch (program) {
    case "uvicorn":
      return setOption(words, from, { names: ["--host"], value: "0.0.0.0", before: ["--port"] });
    case "next":
      return setOption(words, from, { names: ["-H", "--hostname"], value: "0.0.0.0", before: ["-p", "--port"] });
    case "vite":
      return setOption(words, from, { names: ["--host"], value: "0.0.0.0", before: ["--port"] });
    case "http.server":
      return setOption(words, from, { names: ["--bind", "-b"], value: "0.0.0.0" });
    case "flask": {
      const run = words.findIndex((word, j) => j > at && word === "run");
      return setOption(words, run === -1 ? from : run + 1, { names: ["--host", "-h"], value: "0.0.0.0", before: ["--port", "-p"] });
    }
    case "django":
      return djangoWords(words, at, port);
    case "rails":
      return setOption(words, from, { names: ["-b", "--binding"], value: "0.0.0.0", before: ["-p", "--port"] });
    case "comfyui":
      return setOption(words, from, { names: ["--listen"], value: "0.0.0.0", before: ["--port"] });
    case "redis":
      return redisWords(words, at);
    case "ollama":
    case "postgres":
      return [...words];
  }
}

/**
 * How to make a program that listens on 127.0.0.1/::1 listen on every address, in its own words: the program is
 * recognised from its command line (uvicorn, Next.js, Vite, http.server, Flask, Django, Rails, ComfyUI, Ollama,
 * Redis, PostgreSQL; through python/node/ruby, npx, uv run and the like) and the command comes back with the
 * listening option set and every other word kept. `os` picks the quoting (PowerShell on Windows) and, for
 * Ollama and PostgreSQL, the commands. Anything else: the generic advice, and a rewritten command only when a
 * host-like option visibly carries a loopback address.
 */
export function bindAllInterfacesFix(commandLine: string | undefined, port: number, os: FixOs = "linux"): BindFix {
  checkPort(port);
  const t = FIX_TEXT.bind;
  const style = styleOf(os);
  const words = commandLine === undefined ? [] : splitCommandLine(commandLine, style);
  const located = locate(words);
  const shell = os === "windows" ? t.powershell : "";
  if (located === undefined) {
    const replaced = replaceLoopbackValues(words);
    const lead = t.loopbackOnly(t.label.unknown);
    if (replaced === undefined) return { program: "unknown", summary: sentences(lead, t.generic), commands: [] };
    return { program: "unknown", summary: sentences(lead, t.genericRewritten, t.generic, shell), commands: [joinCommandLine(replaced, style)] };
  }
  const { program } = located;
  const lead = t.loopbackOnly(t.label[program]);
  if (program === "ollama") {
    const fix = ollamaFix(words, located.at, port, os);
    return { program, summary: sentences(lead, fix.summary), commands: fix.commands };
  }
  if (program === "postgres") {
    const own = postgresWords(words, located.at);
    const commands = [...(own === undefined ? [] : [joinCommandLine(own, style)]), ...postgresCommands(os, port)];
    return { program, summary: sentences(lead, t.postgres({ commandLine: own !== undefined }), shell), commands };
  }
  if (located.title && (program === "next" || program === "rails")) {
    return { program, summary: sentences(lead, t.titleOnly, t.note[program]), commands: [fromTitle(program, port)] };
  }
  const command = joinCommandLine(rewrite(located, words, port), style);
  const extra = program === "redis" ? t.redis : t.note[program];
  return { program, summary: sentences(lead, located.title ? t.titleOnly : t.restart, extra, shell), commands: [command] };
}
