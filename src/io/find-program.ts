import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

const found = new Map<string, string | undefined>();

function executable(file: string, windows: boolean): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (!windows) accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `program` is on PATH (with PATHEXT's extensions on Windows), or
 * undefined. Looking is a few stat calls; spawning a program that is not
 * there costs a fork, on every run of a command that asks for `tailscale`
 * or `docker` on a machine without them.
 */
export function findProgram(program: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const windows = platform === "win32";
  const pathApi = windows ? path.win32 : path.posix;
  if (program.includes("/") || (windows && program.includes("\\"))) return program;
  // Environment names are case-insensitive on Windows (PATH, Path); without any, the system's
  // default search applies, which only spawning knows: the name is returned to be spawned as is.
  const searchPath = windows ? Object.entries(env).find(([name]) => name.toUpperCase() === "PATH")?.[1] : env.PATH;
  if (searchPath === undefined) return program;
  const key = `${platform}\0${searchPath}\0${program}`;
  if (found.has(key)) return found.get(key);
  const extensions = windows ? ["", ...(env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((e) => e !== "")] : [""];
  // Windows allows quoted entries ("C:\Program Files\Docker\bin"), as libuv does.
  const dirs = searchPath
    .split(windows ? ";" : ":")
    .map((d) => (windows ? d.replace(/^"(.*)"$/, "$1") : d))
    .filter((d) => d !== "");
  let hit: string | undefined;
  for (const dir of dirs) {
    hit = extensions.map((ext) => pathApi.join(dir, program + ext)).find((file) => executable(file, windows));
    if (hit !== undefined) break;
  }
  found.set(key, hit);
  return hit;
}
