import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { open, realpath, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * Write through a temporary file in the same folder, fsync, then rename, so a
 * crash leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(link: string, text: string): Promise<void> {
  // Through a symlink to its real file (the link stays a link), keeping the file's mode.
  const file = await realpath(link).catch(() => link);
  const mode = await stat(file).then((s) => s.mode & 0o7777, () => undefined);
  // crypto is loaded here, not with the module: most runs never write.
  const { randomBytes } = await import("node:crypto");
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx");
  try {
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * The same for a private file of sparkport's own (a cache entry): synchronous, mode 0600, no
 * symlink to follow; the temporary name carries the PID, so two runs at once never share one.
 */
export function writePrivateFileAtomicSync(file: string, data: Uint8Array): void {
  const temporary = `${file}.${String(process.pid)}.tmp`;
  try {
    const fd = openSync(temporary, "wx", 0o600);
    try {
      // writeFileSync writes it all (writeSync may write part of a buffer and say so).
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
