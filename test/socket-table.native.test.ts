import { afterEach, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { nodeCommandRunner } from "../src/io/command-runner.js";
import { readTextSync } from "../src/io/read-text-sync.js";
import { createSocketTable } from "../src/observe/create-socket-table.js";
import { listenersOnPort } from "../src/observe/listeners-on-port.js";
import { freePort, startNodeServer } from "./helpers/listeners.js";

// The socket table of the machine the suite runs on, through the real tools: lsof on macOS, netstat and tasklist on
// Windows, /proc and ss on Linux. The recorded outputs of each are tested everywhere (occupancy-parsers.test.ts);
// here a listener the test starts must be found with its PID, on whichever system CI runs.
const TOOLS: Partial<Record<NodeJS.Platform, string>> = { darwin: "lsof", win32: "netstat and tasklist", linux: "/proc and ss" };
const tools = TOOLS[process.platform];
if (tools === undefined) console.warn(`skipping the native socket-table test: sparkport reads no socket table on ${process.platform}`);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe.skipIf(tools === undefined)(`this machine's socket table (${tools ?? "none"})`, () => {
  it("finds a listener started by the test on 127.0.0.1, and its PID", async () => {
    const port = await freePort();
    const child = await startNodeServer("127.0.0.1", port);
    children.push(child);
    const table = createSocketTable(process.platform, nodeCommandRunner, async (file) => readTextSync(file));
    const snapshot = await table.snapshot({ protocol: "tcp", ports: [port] });
    const found = listenersOnPort(snapshot.listeners, port);
    expect(found.map((l) => [l.address, l.family, l.pid])).toContainEqual(["127.0.0.1", 4, child.pid]);
  });

  it("finds one on the IPv6 loopback too, and none once it has stopped", async () => {
    const port = await freePort();
    const child = await startNodeServer("::1", port);
    const table = createSocketTable(process.platform, nodeCommandRunner, async (file) => readTextSync(file));
    const listening = listenersOnPort((await table.snapshot({ protocol: "tcp", ports: [port] })).listeners, port);
    expect(listening.map((l) => [l.address, l.family, l.pid])).toContainEqual(["::1", 6, child.pid]);
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill();
    });
    expect(listenersOnPort((await table.snapshot({ protocol: "tcp", ports: [port] })).listeners, port)).toEqual([]);
  });
});
