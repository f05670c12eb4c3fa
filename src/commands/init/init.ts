import path from "node:path";
import { UsageError } from "../../findings/errors.js";
import { fileError } from "../../io/file-error.js";
import { errorCode, type FileSystem } from "../../io/file-system.js";
import { REGISTRY_FILE_NAME } from "../../registry/discover.js";
import { INIT_TEMPLATE } from "./init-template.js";

export interface InitOptions {
  file?: string | undefined;
  force?: boolean;
  cwd: string;
  fs: FileSystem;
}

export interface InitResult {
  file: string;
  overwritten: boolean;
}

export async function init(options: InitOptions): Promise<InitResult> {
  const file = options.file ?? REGISTRY_FILE_NAME;
  const absolute = path.resolve(options.cwd, file);
  const force = options.force === true;
  const existed = force && (await options.fs.isFile(absolute));
  try {
    await options.fs.writeFile(absolute, INIT_TEMPLATE, { exclusive: !force });
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new UsageError(`${file} already exists; nothing was written. Use --force to replace it.`);
    throw fileError(error, "create", file);
  }
  return { file, overwritten: existed };
}
