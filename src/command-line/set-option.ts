export interface OptionSpec {
  /** The first is the one added. */
  names: readonly string[];
  value: string;
  /** When missing, add it before the first of these (the port option), else at the end. */
  before?: readonly string[];
  replaceOnly?: boolean;
}

/** `-p3000`: a one-letter option with its value attached, as getopt reads it. */
const attachedTo = (word: string, names: readonly string[]): string | undefined =>
  names.find((name) => /^-[^-]$/.test(name) && word.length > name.length && word.startsWith(name));

const isOption = (word: string, names: readonly string[]): boolean =>
  names.some((name) => word === name || (name.startsWith("--") && word.startsWith(`${name}=`))) || attachedTo(word, names) !== undefined;

/** Set everywhere it appears after `from`, or added once. */
export function setOption(words: readonly string[], from: number, spec: OptionSpec): string[] {
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
      const short = attachedTo(word, spec.names);
      if (long !== undefined) {
        out[j] = `${long}=${spec.value}`;
        found = true;
      } else if (short !== undefined) {
        out[j] = `${short}${spec.value}`;
        found = true;
      }
    }
  }
  if (found || spec.replaceOnly === true) return out;
  const before = out.findIndex((word, j) => j >= from && isOption(word, spec.before ?? []));
  out.splice(before === -1 ? out.length : before, 0, spec.names[0] ?? "", spec.value);
  return out;
}

/** The values given to these options after `from`: `--port 8000`, `--port=8000`, `-p8000`. */
export function optionValues(words: readonly string[], from: number, names: readonly string[]): string[] {
  const found: string[] = [];
  for (let j = from; j < words.length; j++) {
    const word = words[j] ?? "";
    const next = words[j + 1];
    if (names.includes(word) && next !== undefined && !next.startsWith("-")) found.push(next);
    const long = names.find((name) => name.startsWith("--") && word.startsWith(`${name}=`));
    if (long !== undefined) found.push(word.slice(long.length + 1));
    const short = attachedTo(word, names);
    if (short !== undefined) found.push(word.slice(short.length));
  }
  return found;
}
