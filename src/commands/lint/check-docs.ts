import path from "node:path";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { LANGUAGES, language } from "../../findings/language.js";
import { fileError } from "../../io/file-error.js";
import { errorCode, type FileSystem } from "../../io/file-system.js";
import { lineDiff } from "../../edit/line-diff.js";
import type { RegistryModel } from "../../registry/model.js";
import { decodeDocument, fillDocument } from "../../render/doc-blocks.js";
import { renderDocs } from "../../render/markdown-docs.js";

export interface DocsCheck {
  findings: Finding[];
  /** The blocks as `docs --write` would change them, as a diff of the file; "" when they match. */
  diff: string;
}

/** Only the blocks between sparkport's markers are compared; the rest of the file is the team's own. */
export async function checkDocs(model: RegistryModel, file: string, cwd: string, fs: FileSystem): Promise<DocsCheck> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.resolve(cwd, file));
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw fileError(error, "read", file);
    return { findings: [makeFinding("docs-missing", "error", { file }, { file })], diff: "" };
  }
  const text = decodeDocument(bytes, file);
  const lang = language();
  const filled = fillDocument(text, file, renderDocs(model, lang));
  const stale = filled.blocks.filter((b) => b.differsAt !== undefined);
  if (stale.length === 0) return { findings: [], diff: "" };
  // Blocks written in another language than this run's: say so, rather than only show every line changed.
  const writtenIn = LANGUAGES.find((other) => other !== lang && fillDocument(text, file, renderDocs(model, other)).text === text);
  const findings = stale.map((b) => {
    const line = b.differsAt ?? b.line;
    const args = { file, line, block: b.name };
    return makeFinding("docs-out-of-date", "error", writtenIn === undefined ? args : { ...args, writtenIn }, { file, line, column: 1 });
  });
  return { findings, diff: lineDiff(file, text, filled.text) };
}
