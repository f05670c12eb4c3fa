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

/**
 * --force replaces a regular file (a link to one stays a link) and creates a missing one; anything else (a
 * folder, FIFO, device or socket) is refused: renaming over it would put a file where a device was.
 */
async function replaceable(fs: FileSystem, absolute: string, file: string): Promise<boolean> {
  let kind: string;
  try {
    kind = (await fs.stat(absolute)).kind;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw fileError(error, "create", file);
  }
  if (kind === "file") return true;
  const what = kind === "folder" ? "a directory" : "not a regular file (a FIFO, socket or device)";
  throw new UsageError(`cannot create ${file}: it is ${what}; nothing was written (--force replaces only a regular file)`);
}

export async function init(options: InitOptions): Promise<InitResult> {
  const file = options.file ?? REGISTRY_FILE_NAME;
  const absolute = path.resolve(options.cwd, file);
  const force = options.force === true;
  const existed = force && (await replaceable(options.fs, absolute, file));
  try {
    await options.fs.writeFile(absolute, INIT_TEMPLATE, { exclusive: !force });
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new UsageError(`${file} already exists; nothing was written. Use --force to replace it.`);
    throw fileError(error, "create", file);
  }
  return { file, overwritten: existed };
}
