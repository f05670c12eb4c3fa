import path from "node:path";
import { UsageError } from "../findings/errors.js";
import type { CommandRunner } from "../io/command-runner.js";
import type { LoadedRegistry } from "../registry/loaded-registry.js";
import { parseRegistry } from "../registry/parse-registry.js";
import { SparkportInputError } from "../findings/errors.js";
import { didYouMean } from "../util/did-you-mean.js";
import { gitRefWords } from "../words/git-ref-words.js";
import { unknownNameWords } from "../words/unknown-name-words.js";

/** `asked` names what the user typed (`--base`, `diff`), for the messages. */
export async function registryAtRef(registry: LoadedRegistry, ref: string, runner: CommandRunner, asked = "--base"): Promise<LoadedRegistry> {
  const w = gitRefWords();
  if (ref.startsWith("-")) throw new UsageError(w.notRef(ref));
  const dir = path.dirname(registry.absolutePath);
  const top = await runner.run("git", ["-C", dir, "rev-parse", "--show-toplevel"]).catch(() => undefined);
  if (top === undefined || top.code !== 0) throw new UsageError(w.notInRepository(registry.file, asked));
  const relative = path.relative(top.stdout.trim(), registry.absolutePath).split(path.sep).join("/");
  const shown = await runner.run("git", ["-C", dir, "show", `${ref}:${relative}`]);
  if (shown.code !== 0) {
    // Only on failure: is it the ref that is unknown, or the file at that ref?
    const known = await runner.run("git", ["-C", dir, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (known.code === 0) throw new UsageError(w.unreadable(relative, ref, shown.stderr.trim().split("\n")[0] ?? w.showFailed));
    const refs = await runner.run("git", ["-C", dir, "for-each-ref", "--format=%(refname:short)"]);
    const suggestion = didYouMean(ref, refs.code === 0 ? refs.stdout.split("\n").filter((r) => r !== "") : []);
    throw new UsageError(`${w.unknownRef(ref)}${unknownNameWords().end(suggestion)}`);
  }
  try {
    return parseRegistry(shown.stdout, `${ref}:${relative}`);
  } catch (error) {
    if (error instanceof SparkportInputError) throw new UsageError(w.notRegistry(relative, ref, error.problems[0]?.message ?? ""));
    throw error;
  }
}
