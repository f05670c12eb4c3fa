import path from "node:path";
import { UsageError } from "../errors.js";
import { errorCode, type FileSystem } from "../io/file-system.js";
import { REGISTRY_FILE_NAME } from "../registry/discover.js";
import { INIT_TEMPLATE } from "./init-template.js";

export interface InitOptions {
  /** Where to write; defaults to ./ports.yaml. */
  file?: string | undefined;
  force?: boolean;
  cwd: string;
  fs: FileSystem;
}

export interface InitResult {
  file: string;
  overwritten: boolean;
}

/** Write the starter registry; an existing file is kept unless `force`. */
export async function init(options: InitOptions): Promise<InitResult> {
  const file = options.file ?? REGISTRY_FILE_NAME;
  const absolute = path.resolve(options.cwd, file);
  if (options.force === true) {
    const existed = await options.fs.isFile(absolute);
    await options.fs.writeFile(absolute, INIT_TEMPLATE);
    return { file, overwritten: existed };
  }
  try {
    await options.fs.writeFile(absolute, INIT_TEMPLATE, { exclusive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") throw new UsageError(`${file} already exists; nothing was written. Use --force to replace it.`);
    if (code === "ENOENT") throw new UsageError(`cannot create ${file}: its folder does not exist`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new UsageError(`cannot create ${file}: permission denied`);
    if (code === "EISDIR") throw new UsageError(`cannot create ${file}: it is a directory`);
    throw error;
  }
  return { file, overwritten: false };
}
