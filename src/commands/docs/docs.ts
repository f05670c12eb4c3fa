import path from "node:path";
import { language } from "../../findings/language.js";
import { fileError } from "../../io/file-error.js";
import { errorCode } from "../../io/file-system.js";
import { buildModel } from "../../registry/model.js";
import { decodeDocument, fillDocument } from "../../render/doc-blocks.js";
import { renderDocs } from "../../render/markdown-docs.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";

export interface DocsOptions extends RegistryOptions {
  write?: string | undefined;
}

export interface DocsResult {
  /** The whole document between an unnamed pair of markers: what `--write` creates when the file does not exist. */
  markdown: string;
  written: string | null;
  /** With --write: whether the file was created, its blocks rewritten, or already matched the registry (and was left alone). */
  outcome: "created" | "updated" | "unchanged" | null;
  /** The names of the file's blocks, "" for the whole document. */
  blocks: string[];
}

/**
 * The allocation tables as Markdown, in this run's language. `write` fills the blocks of an existing file (only what
 * stands between its markers, every other byte as it was) or creates the file with markers around the document.
 */
export async function docs(options: DocsOptions): Promise<DocsResult> {
  const rendering = renderDocs(buildModel(await openRegistry(options)), language());
  const markdown = rendering.document;
  const file = options.write;
  if (file === undefined) return { markdown, written: null, outcome: null, blocks: [] };
  const absolute = path.resolve(options.cwd, file);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await options.fs.readFile(absolute);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw fileError(error, "read", file);
  }
  try {
    if (bytes === undefined) {
      // Exclusive: a file that appeared meanwhile is not replaced whole.
      await options.fs.writeFile(absolute, markdown, { exclusive: true });
      return { markdown, written: file, outcome: "created", blocks: [""] };
    }
    const before = decodeDocument(bytes, file);
    const filled = fillDocument(before, file, rendering);
    const blocks = filled.blocks.map((b) => b.name);
    if (filled.text === before) return { markdown, written: file, outcome: "unchanged", blocks };
    await options.fs.writeFile(absolute, filled.text);
    return { markdown, written: file, outcome: "updated", blocks };
  } catch (error) {
    throw errorCode(error) === undefined ? error : fileError(error, "write", file);
  }
}
