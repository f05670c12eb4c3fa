import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 65_536;
/**
 * Below this, a read of a /proc file came back short because the records
 * ended: the kernel's seq_file fills a read until they end or its buffer (a
 * page, at least 4 KB) cannot take the next record (/proc/net/tcp's are 150
 * bytes), so a read more than a record short of a page is the last one.
 */
const PROC_SHORT_READ = 2048;

/**
 * A small file's text, read synchronously. For the socket table: /proc is
 * made from kernel memory as it is read, where a trip through libuv's thread
 * pool costs more than the read. Under /proc a short read ends the file:
 * every read() of /proc/net/tcp or tcp6 walks the kernel's whole connection
 * table, which is sized from the machine's memory (0.7 ms on 24 GB), and the
 * read that only finds the end costs as much as the one that brings the text.
 */
export function readTextSync(path: string): string {
  const proc = path.startsWith("/proc/");
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read > 0) chunks.push(chunk.subarray(0, read));
      if (read === 0 || (proc && read < PROC_SHORT_READ)) break;
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
