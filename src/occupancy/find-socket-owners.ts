import { readdir, readlink } from "../io/async-fs.js";

/** The two /proc operations the owner scan needs, behind an interface so tests can make one of them fail. */
export interface ProcLinks {
  readDir(path: string): Promise<string[]>;
  readLink(path: string): Promise<string>;
}

export const nodeProcLinks: ProcLinks = {
  readDir: (path) => readdir(path),
  readLink: (path) => readlink(path),
};

const SOCKET_LINK = /^socket:\[(\d+)\]$/;
const PIDS_AT_ONCE = 16;

/** The socket inodes a process holds; none when its fd folder cannot be read (another user's, or gone). */
async function socketInodes(pid: number, links: ProcLinks, procRoot: string): Promise<number[]> {
  let fds: string[];
  try {
    fds = await links.readDir(`${procRoot}/${pid}/fd`);
  } catch {
    return [];
  }
  const targets = await Promise.all(fds.map((fd) => links.readLink(`${procRoot}/${pid}/fd/${fd}`).catch(() => "")));
  return targets.flatMap((target) => {
    const inode = Number(SOCKET_LINK.exec(target)?.[1] ?? Number.NaN);
    return Number.isNaN(inode) ? [] : [inode];
  });
}

/**
 * Finds which process holds each wanted socket inode by reading the /proc/[pid]/fd/* links (`socket:[inode]`).
 * Processes are scanned in ascending PID order and the first holder wins, so a socket shared after fork() is
 * reported with its lowest PID (usually the parent). A process whose fd directory cannot be read (EACCES:
 * another user's process without privileges; ENOENT: it just exited) is skipped, so its sockets stay without
 * an owner: unknown, never guessed (so does every socket when /proc itself cannot be listed). The scan stops
 * once every wanted inode has an owner.
 */
export async function findSocketOwners(wanted: ReadonlySet<number>, links: ProcLinks, procRoot = "/proc"): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (wanted.size === 0) return owners;
  const entries = await links.readDir(procRoot).catch((): string[] => []);
  const pids = entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .sort((a, b) => a - b);
  // A few processes at a time: a workstation has hundreds, each with dozens of descriptors, so one
  // process after the other makes the scan's time grow with the machine. Each batch is merged in PID
  // order, so the lowest PID still wins.
  for (let at = 0; at < pids.length && owners.size < wanted.size; at += PIDS_AT_ONCE) {
    const batch = pids.slice(at, at + PIDS_AT_ONCE);
    const found = await Promise.all(batch.map((pid) => socketInodes(pid, links, procRoot)));
    batch.forEach((pid, i) => {
      for (const inode of found[i] ?? []) if (wanted.has(inode) && !owners.has(inode)) owners.set(inode, pid);
    });
  }
  return owners;
}
