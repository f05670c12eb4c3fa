import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";

export interface AtomicWriteOptions {
  /** The mode of a new file (an existing one keeps its own); 0o666 less the umask by default. */
  mode?: number;
  /** Create the file, or fail with EEXIST when it exists: a file that appears is always whole. */
  exclusive?: boolean;
}

/** `.<name>.<pid>.<random>.tmp` beside the file: the PID says whose it is, so leftovers of dead runs can go. */
function temporaryName(file: string): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16);
  return path.join(path.dirname(file), `.${path.basename(file)}.${String(process.pid)}.${random}.tmp`);
}

/**
 * The writer's PID when `name` is a temporary file of `base`: `.<base>.<pid>.<random>.tmp`, or as older
 * versions named them, `.<base>.<pid>.tmp` and (for lock files) `<base>.<pid>.<random>.tmp`.
 */
export function temporaryPid(name: string, base: string): number | undefined {
  const rest = name.startsWith(`.${base}.`) ? name.slice(base.length + 2) : name.startsWith(`${base}.`) ? name.slice(base.length + 1) : undefined;
  const match = rest === undefined ? null : /^(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(rest);
  return match === null ? undefined : Number(match[1]);
}

/** No process of this PID is visible here (EPERM means one exists that is not ours). */
export function isProcessGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return !(error instanceof Error && "code" in error && error.code === "EPERM");
  }
}

/**
 * The temporary files of `file` left by writers killed mid-write (SIGKILL, a power cut: nothing runs to remove
 * them), so that the next write of the file removes them.
 */
function removeDeadWritersFiles(file: string): void {
  const folder = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(".") ? temporaryPid(name, base) : undefined;
    if (pid !== undefined && pid !== process.pid && isProcessGone(pid)) {
      rmSync(path.join(folder, name), { force: true });
    }
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
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

/**
 * A file with all of `data` in it, on disk: writeFileSync on a descriptor repeats short writes until all is
 * written. It takes the owner and mode of the file it replaces: root editing a user's file leaves it the
 * user's. An owner this process may not give (not root) is left as the system makes it.
 */
function writeTemporary(temporary: string, data: string | Uint8Array, mode: number | undefined, replaced: Stats | undefined): void {
  const fd = openSync(temporary, "wx", mode ?? 0o666);
  try {
    if (replaced !== undefined) {
      const made = fstatSync(fd);
      if (made.uid !== replaced.uid || made.gid !== replaced.gid) {
        try {
          fchownSync(fd, replaced.uid, replaced.gid);
        } catch {
          // EPERM: only root may give a file away.
        }
      }
    }
    // After chown, which clears set-id bits.
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
 * file or the new one, never part of one. A link is written through and stays a link; the file keeps its owner
 * and mode. The temporary file goes whatever happens, short of SIGKILL: then the next write of the file
 * removes it. Synchronous: the files are small and the CLI has nothing else to do meanwhile.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = options.exclusive === true ? file : realFile(file);
  const replaced = options.exclusive === true ? undefined : statOrUndefined(target);
  const mode = replaced === undefined ? options.mode : replaced.mode & 0o7777;
  removeDeadWritersFiles(target);
  const temporary = temporaryName(target);
  try {
    writeTemporary(temporary, data, mode, replaced);
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
