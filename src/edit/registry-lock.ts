import { open, readFile, rename, unlink } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { errorCode } from "../io/file-system.js";

const WAIT_MS = 10_000;
const STEP_MS = 25;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/**
 * Run `work` holding `<registry>.lock`, created exclusively, so two
 * `allocate` runs never read the same registry and both write. A lock whose
 * process is gone (killed mid-write) is taken over; a live one is waited for.
 */
export async function withRegistryLock<T>(registry: string, work: () => Promise<T>): Promise<T> {
  const lock = `${registry}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      const code = errorCode(error);
      if (code === "EACCES" || code === "EROFS" || code === "EPERM") throw new UsageError(`cannot lock ${registry}: its folder is not writable; nothing was written`);
      if (code !== "EEXIST") throw error;
      const holder = Number((await readFile(lock, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        // Take the stale lock over by renaming it to a name of our own: of two waiters that both saw
        // the dead PID, only one rename succeeds, and neither can remove a lock the other just made.
        const claimed = `${lock}.stale.${process.pid}`;
        const won = await rename(lock, claimed).then(
          () => true,
          () => false,
        );
        if (won) {
          const content = (await readFile(claimed, "utf8").catch(() => "")).trim();
          // A live lock slipped in between the read and the rename: put it back; else drop the dead one.
          if (content === String(holder)) await unlink(claimed).catch(() => undefined);
          else await rename(claimed, lock).catch(() => undefined);
        }
        continue;
      }
      if (Date.now() > deadline) throw new UsageError(`${registry} is locked by PID ${String(holder)} (another sparkport change); nothing was written, try again`);
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
