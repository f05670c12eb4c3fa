import type { FixOs } from "./fix-text.js";
import { setOption } from "../command-line/set-option.js";

/** Undefined when its command line sets no listening address. */
export function postgresWords(words: readonly string[], at: number, hostFlags: readonly string[]): string[] | undefined {
  let out = setOption(words, at + 1, { names: hostFlags, value: "*", replaceOnly: true });
  out = out.map((word, j) => {
    const previous = out[j - 1];
    if (previous === "-c" && word.startsWith("listen_addresses=")) return "listen_addresses=*";
    if (word.startsWith("--listen_addresses=") || word.startsWith("--listen-addresses=")) return `${word.slice(0, word.indexOf("="))}=*`;
    return word;
  });
  return out.some((word, j) => word !== words[j]) ? out : undefined;
}

export function postgresCommands(os: FixOs, port: number): string[] {
  const psql = os === "linux" ? `sudo -u postgres psql -p ${port}` : os === "macos" ? `psql -p ${port} -d postgres` : `psql -p ${port} -U postgres`;
  return [`${psql} -c "ALTER SYSTEM SET listen_addresses = '*'"`, `${psql} -c "SHOW hba_file"`];
}
