import path from "node:path";
import { fileError } from "../../io/file-error.js";
import { buildModel } from "../../registry/model.js";
import { renderMarkdownDocs } from "../../render/markdown-docs.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";

export interface DocsOptions extends RegistryOptions {
  write?: string | undefined;
}

export interface DocsResult {
  markdown: string;
  written: string | null;
}

export async function docs(options: DocsOptions): Promise<DocsResult> {
  const markdown = renderMarkdownDocs(buildModel(await openRegistry(options)));
  if (options.write === undefined) return { markdown, written: null };
  try {
    await options.fs.writeFile(path.resolve(options.cwd, options.write), markdown);
  } catch (error) {
    throw fileError(error, "write", options.write);
  }
  return { markdown, written: options.write };
}
