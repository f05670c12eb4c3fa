import path from "node:path";
import { UsageError } from "../findings/errors.js";
import type { CommandRunner } from "../io/command-runner.js";
import type { LoadedRegistry } from "../registry/loaded-registry.js";
import { parseRegistry } from "../registry/parse-registry.js";
import { SparkportInputError } from "../findings/errors.js";
import { didYouMean } from "../util/did-you-mean.js";
import { didYouMeanText } from "../util/unknown-name.js";

/** `asked` names what the user typed (`--base`, `diff`), for the messages. */
export async function registryAtRef(registry: LoadedRegistry, ref: string, runner: CommandRunner, asked = "--base"): Promise<LoadedRegistry> {
  if (ref.startsWith("-")) throw new UsageError(`"${ref}" is not a git ref`);
  const dir = path.dirname(registry.absolutePath);
  const top = await runner.run("git", ["-C", dir, "rev-parse", "--show-toplevel"]).catch(() => undefined);
  if (top === undefined || top.code !== 0) throw new UsageError(`${registry.file} is not inside a git repository, so ${asked} has nothing to compare with.`);
  const relative = path.relative(top.stdout.trim(), registry.absolutePath).split(path.sep).join("/");
  const shown = await runner.run("git", ["-C", dir, "show", `${ref}:${relative}`]);
  if (shown.code !== 0) {
    // Only on failure: is it the ref that is unknown, or the file at that ref?
    const known = await runner.run("git", ["-C", dir, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (known.code === 0) throw new UsageError(`cannot read ${relative} at ${ref}: ${shown.stderr.trim().split("\n")[0] ?? "git show failed"}`);
    const refs = await runner.run("git", ["-C", dir, "for-each-ref", "--format=%(refname:short)"]);
    const suggestion = didYouMean(ref, refs.code === 0 ? refs.stdout.split("\n").filter((r) => r !== "") : []);
    throw new UsageError(`unknown git ref "${ref}"${didYouMeanText(suggestion) || "."}`);
  }
  try {
    return parseRegistry(shown.stdout, `${ref}:${relative}`);
  } catch (error) {
    if (error instanceof SparkportInputError) throw new UsageError(`${relative} at ${ref} is not a valid registry: ${error.problems[0]?.message ?? ""}`);
    throw error;
  }
}
