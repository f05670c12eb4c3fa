import { errorCode } from "../io/file-system.js";
import type { ProcLinks } from "../io/proc-links.js";

const SOCKET_PREFIX = "socket:[";

/** The socket inodes a process holds; none when its fd folder cannot be read (another user's, or gone). */
function socketInodes(pid: number, links: ProcLinks, procRoot: string): number[] {
  let fds: string[];
  try {
    fds = links.readDir(`${procRoot}/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes: number[] = [];
  for (const fd of fds) {
    let target: string;
    try {
      target = links.readLink(`${procRoot}/${pid}/fd/${fd}`);
    } catch (error) {
      // Refused: the check is the process's (may this user trace it?), so every other link of it would
      // be refused as well, each with an error to build. Anything else: closed since the folder was listed.
      const code = errorCode(error);
      if (code === "EACCES" || code === "EPERM") break;
      continue;
    }
    if (target.startsWith(SOCKET_PREFIX) && target.endsWith("]")) {
      const inode = Number(target.slice(SOCKET_PREFIX.length, -1));
      if (Number.isInteger(inode)) inodes.push(inode);
    }
  }
  return inodes;
}

/**
 * Finds which process holds each wanted socket inode by reading the /proc/[pid]/fd/* links (`socket:[inode]`).
 * Processes are scanned in ascending PID order and the first holder wins, so a socket shared after fork() is
 * reported with its lowest PID (usually the parent). A process whose fd directory cannot be read (EACCES:
 * another user's process without privileges; ENOENT: it just exited) is skipped, so its sockets stay without
 * an owner: unknown, never guessed (so does every socket when /proc itself cannot be listed). The scan stops
 * once every wanted inode has an owner.
 */
export function findSocketOwners(wanted: ReadonlySet<number>, links: ProcLinks, procRoot = "/proc"): Map<number, number> {
  const owners = new Map<number, number>();
  if (wanted.size === 0) return owners;
  let entries: string[];
  try {
    entries = links.readDir(procRoot);
  } catch {
    return owners;
  }
  const pids = entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .sort((a, b) => a - b);
  for (const pid of pids) {
    for (const inode of socketInodes(pid, links, procRoot)) if (wanted.has(inode) && !owners.has(inode)) owners.set(inode, pid);
    if (owners.size === wanted.size) break;
  }
  return owners;
}
