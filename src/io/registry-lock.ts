import { readdir, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../findings/errors.js";
import { errorCode } from "./file-system.js";
import { parseTemporaryName, writeFileAtomic } from "./write-file-atomic.js";

const WAIT_MS = 10_000;
const STEP_MS = 25;
/** A lock file without a PID is only ever someone else's tool crashing mid-write; give it this long. */
const EMPTY_LOCK_GRACE_MS = 5_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

function notWritable(error: unknown): boolean {
  const code = errorCode(error);
  return code === "EACCES" || code === "EROFS" || code === "EPERM";
}

/**
 * Create `file` holding this PID, or false when it exists. The file appears with its PID already inside, so a
 * process killed at any point leaves either no lock or a complete one (where hard links exist).
 */
function createExclusive(file: string): boolean {
  try {
    writeFileAtomic(file, String(process.pid), { exclusive: true });
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
}

async function isStale(lock: string, holder: number | undefined): Promise<boolean> {
  if (holder !== undefined) return !alive(holder);
  const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > EMPTY_LOCK_GRACE_MS;
}

/** The PID a lock (or takeover) file names; undefined when it names none (empty, gone, garbled). */
async function readHolder(lock: string): Promise<number | undefined> {
  const text = (await readFile(lock, "utf8").catch(() => "")).trim();
  const pid = Number(text);
  return text !== "" && Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Remove a stale lock, one waiter at a time: under `<lock>.takeover`
 * (created exclusively), the holder is read again and the lock removed only
 * if it is still the dead one. Creators never replace a lock and only the
 * takeover holder removes one, so no waiter can remove a lock another just
 * made. A takeover file whose process died is itself stale.
 */
async function takeOver(lock: string): Promise<boolean> {
  const guard = `${lock}.takeover`;
  if (!createExclusive(guard)) {
    if (await isStale(guard, await readHolder(guard))) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    if (await isStale(lock, await readHolder(lock))) await unlink(lock).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/**
 * Temporary files of the registry, its lock and its takeover file, and takeover files, of runs killed
 * mid-write; removed once their process is gone, under the lock.
 */
async function removeLeftovers(registry: string): Promise<void> {
  // A takeover file whose process was killed mid-takeover, after it had removed the dead lock.
  const guard = `${registry}.lock.takeover`;
  if (await isStale(guard, await readHolder(guard))) await unlink(guard).catch(() => undefined);
  const folder = path.dirname(registry);
  const base = path.basename(registry);
  const ours = new Set([base, `${base}.lock`, `${base}.lock.takeover`]);
  for (const name of await readdir(folder).catch(() => [])) {
    const temporary = parseTemporaryName(name);
    if (temporary !== undefined && ours.has(temporary.file) && temporary.pid !== process.pid && !alive(temporary.pid)) {
      await unlink(path.join(folder, name)).catch(() => undefined);
    }
  }
}

/**
 * Run `work` holding `<registry>.lock`, so two `allocate` runs never read the
 * same registry and both write. A lock whose process is gone (killed
 * mid-write) is taken over; a live one is waited for.
 */
export async function withRegistryLock<T>(registry: string, work: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const lock = `${registry}.lock`;
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  for (;;) {
    let created: boolean;
    try {
      created = createExclusive(lock);
    } catch (error) {
      if (notWritable(error)) throw new UsageError(`cannot lock ${registry}: its folder is not writable; nothing was written`);
      throw error;
    }
    if (created) break;
    const holder = await readHolder(lock);
    // Another waiter is taking the lock over: wait a step, like for a live holder.
    if ((await isStale(lock, holder)) && (await takeOver(lock))) continue;
    if (Date.now() > deadline) {
      const who = holder === undefined ? `a lock file without a PID (remove ${lock} if no sparkport change is running)` : `PID ${String(holder)} (another sparkport change)`;
      throw new UsageError(`${registry} is locked by ${who}; nothing was written, try again`);
    }
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
  try {
    await removeLeftovers(registry);
    return await work();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
