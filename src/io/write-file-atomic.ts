import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface AtomicWriteOptions {
  /** The mode of a new file (an existing one keeps its own); 0o666 less the umask by default. */
  mode?: number;
  /** Create the file, or fail with EEXIST when it exists: a file that appears is always whole. */
  exclusive?: boolean;
}

const TEMPORARY = /^\.?(.+)\.(\d+)\.[0-9a-f]+\.tmp$/;

/** `.<name>.<pid>.<random>.tmp` beside the file: the PID says whose it is, so leftovers of dead runs can go. */
function temporaryName(file: string): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16);
  return path.join(path.dirname(file), `.${path.basename(file)}.${String(process.pid)}.${random}.tmp`);
}

/** For a temporary file's name (also without the leading dot, as older versions made them): its file and writer. */
export function parseTemporaryName(name: string): { file: string; pid: number } | undefined {
  const match = TEMPORARY.exec(name);
  return match === null ? undefined : { file: match[1] ?? "", pid: Number(match[2]) };
}

/** The current mode of `file`, or undefined when it does not exist. */
function modeOf(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Where a link points, so the link stays a link; the path itself when nothing is there yet. */
function realFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** A file with all of `data` in it, on disk: writeFileSync on a descriptor repeats short writes until all is written. */
function writeTemporary(temporary: string, data: string | Uint8Array, mode: number | undefined): void {
  const fd = openSync(temporary, "wx", mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The one way sparkport writes a file: through a temporary file in the same folder, synced, then renamed over
 * the file (or, `exclusive`, hard-linked to its name, which fails when it exists), so a crash leaves the old
 * file or the new one, never part of one. The temporary file goes whatever happens. Synchronous: the files are
 * small and the CLI has nothing else to do meanwhile.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = options.exclusive === true ? file : realFile(file);
  const mode = options.exclusive === true ? options.mode : (modeOf(target) ?? options.mode);
  const temporary = temporaryName(target);
  try {
    writeTemporary(temporary, data, mode);
    if (options.exclusive !== true) renameSync(temporary, target);
    else linkOrCreate(temporary, target, data, mode);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * A hard link makes the file appear whole or not at all. Some file systems have none (FAT, exFAT, some network
 * and container mounts): there the file is created exclusively and written, whole unless killed meanwhile.
 */
function linkOrCreate(temporary: string, file: string, data: string | Uint8Array, mode: number | undefined): void {
  try {
    linkSync(temporary, file);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") throw error;
    writeFileSync(file, data, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
  }
}
