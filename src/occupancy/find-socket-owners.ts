import { readdir, readlink } from "node:fs/promises";

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
  for (const pid of pids) {
    if (owners.size === wanted.size) break;
    let fds: string[];
    try {
      fds = await links.readDir(`${procRoot}/${pid}/fd`);
    } catch {
      continue;
    }
    const targets = await Promise.all(fds.map((fd) => links.readLink(`${procRoot}/${pid}/fd/${fd}`).catch(() => "")));
    for (const target of targets) {
      const inode = Number(SOCKET_LINK.exec(target)?.[1] ?? Number.NaN);
      if (wanted.has(inode) && !owners.has(inode)) owners.set(inode, pid);
    }
  }
  return owners;
}
