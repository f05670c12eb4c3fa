import { lstatSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { lock, unlock } from "proper-lockfile";
import { UnfinishedError, UsageError } from "../findings/errors.js";
import { errorCode } from "./file-system.js";
import { isProcessGone, temporaryPid } from "./write-file-atomic.js";
import { fileErrorWords } from "../words/file-error-words.js";

const WAIT_MS = 30_000;
const STEP_MS = 25;
/** The owner refreshes its lock's mtime this often; a lock not refreshed for STALE_MS is abandoned. */
const UPDATE_MS = 1_000;
export const STALE_MS = 5_000;
/**
 * proper-lockfile removes a stale lock with rmdir and then creates its own, so two waiters can both take one
 * (moxystudio/node-proper-lockfile#121). It is told that locks never go stale; this module claims them instead.
 */
const NEVER_STALE_MS = 24 * 3_600_000;

/** What the work is handed: the registry's real path, and a check to make right before writing. */
export interface HeldLock {
  file: string;
  /** Throws UnfinishedError unless the lock is still this process's, not taken over after a long pause. */
  assertHeld(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lockFailure(error: unknown, registry: string): Error {
  const code = errorCode(error);
  const w = fileErrorWords();
  if (code === "EACCES" || code === "EROFS" || code === "EPERM") return new UsageError(w.cannotLock(registry, "not-writable"));
  if (code === "ENOSPC" || code === "EDQUOT") return new UsageError(w.cannotLock(registry, "no-space"));
  if (code === "ENOENT" || code === "ENOTDIR") return new UsageError(w.cannotLock(registry, "folder-gone"));
  return error instanceof Error ? error : new Error(String(error));
}

/** The file behind every link: two paths to one registry take one lock. */
function realRegistry(registry: string): string {
  try {
    return realpathSync(registry);
  } catch (error) {
    if (errorCode(error) === "ENOENT") throw new UsageError(fileErrorWords().gone(registry));
    throw error;
  }
}

const isOld = (mtimeMs: number) => Date.now() - mtimeMs > STALE_MS;

/**
 * Take a lock its owner stopped refreshing (killed, or a lock file of an older sparkport): renamed aside
 * first, which only one waiter can do, and removed only if what was renamed is still the stale one. True
 * when the caller should try to lock again at once.
 */
function claimIfStale(lockPath: string): boolean {
  let seen;
  try {
    seen = lstatSync(lockPath);
  } catch {
    return true;
  }
  if (!isOld(seen.mtimeMs)) return false;
  const aside = `${lockPath}.stale.${String(process.pid)}.${Math.floor(Math.random() * 0x1_0000_0000).toString(16)}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return true;
  }
  if (isOld(lstatSync(aside).mtimeMs)) {
    rmSync(aside, { recursive: true, force: true });
    return true;
  }
  // Another waiter took the stale lock between the look and the rename: give its new lock back. If that fails,
  // its owner's assertHeld sees the lock gone and writes nothing.
  try {
    renameSync(aside, lockPath);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
  return false;
}

/** Under the lock nobody else writes the registry: its temporary files, and locks set aside long ago, are leftovers. */
function removeLeftovers(real: string, lockPath: string): void {
  const folder = path.dirname(real);
  const base = path.basename(real);
  const lockBase = path.basename(lockPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // A folder one may write but not list: the leftovers stay, the change goes on.
  }
  for (const name of names) {
    const full = path.join(folder, name);
    const writer = name.startsWith(".") ? temporaryPid(name, base) : undefined;
    const lockWriter = temporaryPid(name, lockBase);
    const leftover =
      (writer !== undefined && writer !== process.pid) ||
      // The lock files of older versions were written through temporary files, and taken over under `.takeover`.
      (lockWriter !== undefined && isProcessGone(lockWriter)) ||
      (name.startsWith(`${lockBase}.stale.`) && isOld(lstatSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0)) ||
      (name === `${lockBase}.takeover` && isOld(lstatSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0));
    if (leftover) rmSync(full, { recursive: true, force: true });
  }
}

/**
 * Run `work` holding `<registry>.lock` (of the real file, links resolved), so two changes never read the same
 * registry and both write. The lock is proper-lockfile's: a folder whose mtime its owner refreshes every
 * second, so its liveness is seen on the file system, across PID namespaces and containers sharing the repo.
 * A lock not refreshed for 5 s is taken over; a live one is waited for, up to 30 s (then UnfinishedError).
 */
export async function withRegistryLock<T>(registry: string, work: (held: HeldLock) => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const real = realRegistry(registry);
  const lockPath = `${real}.lock`;
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  let compromised = false;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(real, { realpath: false, lockfilePath: lockPath, stale: NEVER_STALE_MS, update: UPDATE_MS, onCompromised: () => (compromised = true) });
      break;
    } catch (error) {
      if (errorCode(error) !== "ELOCKED") throw lockFailure(error, registry);
    }
    if (claimIfStale(lockPath)) continue;
    if (Date.now() > deadline) {
      throw new UnfinishedError(fileErrorWords().locked(registry, lockPath));
    }
    await sleep(STEP_MS);
  }
  const ours = statSync(lockPath).ino;
  const stillOurs = (): boolean => {
    const now = lstatSync(lockPath, { throwIfNoEntry: false });
    return !compromised && now !== undefined && now.ino === ours && !isOld(now.mtimeMs);
  };
  const held: HeldLock = {
    file: real,
    assertHeld: () => {
      if (!stillOurs()) throw new UnfinishedError(fileErrorWords().lostLock(registry, STALE_MS / 1000));
    },
  };
  try {
    removeLeftovers(real, lockPath);
    return await work(held);
  } finally {
    // A lock taken over is someone else's now: forget it without removing it.
    if (stillOurs()) await release().catch(() => undefined);
    else await unlock(real, { realpath: false, lockfilePath: lockPath, fs: { rmdir: (_: string, done: (error: null) => void) => done(null) } }).catch(() => undefined);
  }
}
