import { UsageError } from "../findings/errors.js";
import { errorCode } from "./file-system.js";

const REASONS: Record<string, string> = {
  ENOENT: "its folder does not exist",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of its path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ELOOP: "too many symbolic links",
  ENOSPC: "no space left on the device",
};

/** A file error the user can act on becomes a UsageError (exit 2); anything else stays a bug. */
export function fileError(error: unknown, action: string, file: string): Error {
  const code = errorCode(error);
  const what = error instanceof Error && "what" in error && typeof error.what === "string" ? error.what : "not a regular file";
  // A FIFO or a device (ENOTREGULAR, from the regular-file check) could block a read or never end.
  const reason = code === "ENOTREGULAR" ? `it is ${what}` : code === undefined ? undefined : REASONS[code];
  if (reason === undefined) return error instanceof Error ? error : new Error(String(error));
  return new UsageError(`cannot ${action} ${file}: ${reason}${action === "read" ? "" : "; nothing was written"}`);
}
