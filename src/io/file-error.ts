import { UsageError } from "../findings/errors.js";
import { fileErrorWords, type FileAction, type FileKind, type FileReason } from "../words/file-error-words.js";
import { errorCode } from "./file-system.js";

// The English table names every reason and kind these words have.
const isReason = (code: string): code is FileReason => Object.hasOwn(fileErrorWords("en").reasons, code);
const isKind = (value: unknown): value is FileKind => typeof value === "string" && Object.hasOwn(fileErrorWords("en").kinds, value);

/** What the regular-file check found (io/file-system.ts). */
const kindOf = (error: unknown): FileKind => (error instanceof Error && "kind" in error && isKind(error.kind) ? error.kind : "other");

/** A file error the user can act on becomes a UsageError (exit 2), said in the run's language; anything else stays a bug. */
export function fileError(error: unknown, action: FileAction, file: string): Error {
  const code = errorCode(error);
  const w = fileErrorWords();
  // A FIFO or a device (ENOTREGULAR, from the regular-file check) could block a read or never end.
  const reason = code === "ENOTREGULAR" ? w.kinds[kindOf(error)] : code !== undefined && isReason(code) ? w.reasons[code] : undefined;
  if (reason === undefined) return error instanceof Error ? error : new Error(String(error));
  return new UsageError(w.cannot(action, file, reason));
}
