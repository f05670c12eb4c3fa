import type { CommandRunner } from "../io/command-runner.js";

/**
 * The files git lists below `root`, relative to it: tracked ones (whatever .gitignore says, as teams commit
 * `.env.example` while ignoring `.env.*`) and untracked ones no ignore rule matches. An untracked nested
 * repository ends in "/". Undefined outside a git work tree, or without git.
 */
export async function gitFiles(root: string, runner: CommandRunner): Promise<string[] | undefined> {
  try {
    const listed = await runner.run("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], { timeoutMs: 60_000 });
    if (listed.code !== 0) return undefined;
    // A conflicted file is listed once per stage.
    return [...new Set(listed.stdout.split("\0").filter((file) => file !== ""))];
  } catch {
    return undefined;
  }
}
