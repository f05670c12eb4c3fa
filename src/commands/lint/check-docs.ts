import path from "node:path";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { fileError } from "../../io/file-error.js";
import { errorCode, type FileSystem } from "../../io/file-system.js";
import type { RegistryModel } from "../../registry/model.js";
import { renderMarkdownDocs } from "../../render/markdown-docs.js";

export async function checkDocs(model: RegistryModel, file: string, cwd: string, fs: FileSystem): Promise<Finding[]> {
  const expected = renderMarkdownDocs(model);
  let actual: string;
  try {
    actual = new TextDecoder("utf-8").decode(await fs.readFile(path.resolve(cwd, file)));
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw fileError(error, "read", file);
    return [makeFinding("docs-missing", "error", { file }, { file })];
  }
  if (actual === expected) return [];
  const a = actual.split("\n");
  const e = expected.split("\n");
  let line = 0;
  while (line < a.length && line < e.length && a[line] === e[line]) line += 1;
  return [makeFinding("docs-out-of-date", "error", { file, line: line + 1 }, { file, line: line + 1, column: 1 })];
}
