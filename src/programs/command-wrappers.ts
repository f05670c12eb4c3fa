/** Programs that run the command after their own flags. */
const WRAPPERS = new Set(["env", "cross-env", "cross-env-shell", "npx", "bunx", "pnpx", "exec", "nohup", "time", "sudo", "nice", "command", "dotenv"]);
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  npm: ["exec", "x"],
  pnpm: ["exec", "dlx"],
  yarn: ["exec", "dlx"],
  poetry: ["run"],
  uv: ["run"],
  pipenv: ["run"],
  bundle: ["exec"],
  hatch: ["run"],
  pdm: ["run"],
  rye: ["run"],
  dotenvx: ["run"],
};
const FLAGS_WITH_VALUE: Readonly<Record<string, ReadonlySet<string>>> = {
  env: new Set(["-u", "--unset", "-C", "--chdir"]),
  npx: new Set(["-p", "--package"]),
  sudo: new Set(["-u", "-g", "-C", "-D"]),
  nice: new Set(["-n"]),
  dotenv: new Set(["-e", "-c", "-v", "-p"]),
  dotenvx: new Set(["-f", "--env-file", "-e", "--env"]),
};
const NONE: ReadonlySet<string> = new Set();

/** `npm start -- -p 3001` hands `-p` to the script's program. */
export const PACKAGE_MANAGERS: ReadonlySet<string> = new Set(["npm", "pnpm", "yarn", "bun"]);

/** The index the wrapped command starts at; undefined when `name` is no wrapper. */
export function skipWrapper(words: readonly string[], at: number, name: string): number | undefined {
  let i = at + 1;
  const sub = SUBCOMMANDS[name];
  if (sub !== undefined) {
    if (!sub.includes(words[i] ?? "")) return undefined;
    i++;
  } else if (!WRAPPERS.has(name)) {
    return undefined;
  }
  const withValue = FLAGS_WITH_VALUE[name] ?? NONE;
  for (let word = words[i]; word?.startsWith("-") === true; word = words[i]) {
    if (word === "--") return i + 1;
    i += withValue.has(word) ? 2 : 1;
  }
  return i;
}
