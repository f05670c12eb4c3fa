import { describe, expect, it } from "vitest";
import type { ProcLinks } from "../src/io/proc-links.js";
import { findSocketOwners } from "../src/observe/find-socket-owners.js";

/** A /proc of `pid -> fd targets`; a pid mapped to "denied" has an fd folder that cannot be read. */
function fakeProc(processes: Record<number, readonly string[] | "denied">): ProcLinks & { dirsRead: number } {
  const proc = {
    dirsRead: 0,
    readDir: (path: string): string[] => {
      if (path === "/proc") return [...Object.keys(processes), "self", "net", "sys"];
      const pid = Number(/^\/proc\/(\d+)\/fd$/.exec(path)?.[1]);
      const fds = processes[pid];
      proc.dirsRead += 1;
      if (fds === undefined || fds === "denied") throw Object.assign(new Error("EACCES"), { code: "EACCES" });
      return fds.map((_, i) => String(i));
    },
    readLink: (path: string): string => {
      const match = /^\/proc\/(\d+)\/fd\/(\d+)$/.exec(path);
      const fds = processes[Number(match?.[1])];
      const target = fds === undefined || fds === "denied" ? undefined : fds[Number(match?.[2])];
      if (target === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return target;
    },
  };
  return proc;
}

describe("findSocketOwners", () => {
  it("a socket shared after fork() belongs to its lowest PID", () => {
    const processes: Record<number, readonly string[]> = {};
    for (let pid = 1; pid <= 60; pid += 1) processes[pid] = ["/dev/null", "pipe:[7]"];
    processes[58] = ["socket:[900]", "socket:[901]"];
    processes[23] = ["anon_inode:[eventfd]", "socket:[900]"];
    processes[41] = ["socket:[900]"];
    const owners = findSocketOwners(new Set([900, 901]), fakeProc(processes));
    expect([...owners]).toEqual([
      [900, 23],
      [901, 58],
    ]);
  });

  it("an unreadable process leaves its socket without an owner; the scan stops once every socket has one", () => {
    const processes: Record<number, readonly string[] | "denied"> = { 3: "denied", 4: ["socket:[5]"] };
    for (let pid = 100; pid < 200; pid += 1) processes[pid] = ["/dev/null"];
    const proc = fakeProc(processes);
    expect([...findSocketOwners(new Set([5, 6]), proc)]).toEqual([[5, 4]]);
    const early = fakeProc(processes);
    expect([...findSocketOwners(new Set([5]), early)]).toEqual([[5, 4]]);
    expect(early.dirsRead).toBeLessThan(40);
  });

  it("stops reading a process's links at the first one refused: the check is per process", () => {
    const proc = fakeProc({ 1: ["socket:[5]", "socket:[6]", "socket:[7]"], 2: ["socket:[6]"] });
    const readLink = proc.readLink;
    const read: string[] = [];
    proc.readLink = (path) => {
      read.push(path);
      if (path.startsWith("/proc/1/")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
      return readLink(path);
    };
    expect([...findSocketOwners(new Set([5, 6]), proc)]).toEqual([[6, 2]]);
    expect(read).toEqual(["/proc/1/fd/0", "/proc/2/fd/0"]);
  });

  it("skips links that vanish between listing and reading, and targets that only look like sockets", () => {
    const proc = fakeProc({ 7: ["socket:[abc]", "/tmp/socket:[5]", "socket:[5]"], 9: ["socket:[6]"] });
    const readLink = proc.readLink;
    proc.readLink = (path) => {
      if (path === "/proc/7/fd/2") throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return readLink(path);
    };
    expect([...findSocketOwners(new Set([5, 6]), proc)]).toEqual([[6, 9]]);
  });
});
