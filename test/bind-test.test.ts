import { spawnSync } from "node:child_process";
import dns from "node:dns";
import { readFileSync } from "node:fs";
import { createServer, Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bindTest, type BindState } from "../src/observe/bind-test.js";
import { listenerFamilies } from "../src/observe/listener-families.js";
import { LinuxSocketTable } from "../src/observe/linux-socket-table.js";
import { localVerdict, type LocalProbes } from "../src/observe/local-verdict.js";
import { nodeCommandRunner } from "../src/io/command-runner.js";

// Real sockets on loopback. On Linux a free wildcard proves its family's
// loopback address free (the kernel refuses the wildcard while any address
// listens), so sparkport binds the loopback only when the wildcard is held;
// elsewhere it binds every address.

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function hold(host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once("error", reject);
    // A mapped address (::ffff:127.0.0.1) cannot be bound IPv6-only.
    server.listen({ host, port, ipv6Only: host.includes(":") && !host.startsWith("::ffff:") }, () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : 0);
    });
  });
}

async function freePort(): Promise<number> {
  const port = await hold("127.0.0.1");
  await new Promise((resolve) => servers.pop()?.close(resolve));
  return port;
}

const LOOPBACK = ["127.0.0.1", "::1"];
if (process.platform !== "linux") console.log(`skipping the bind-test tests of Linux's wildcard rules and /proc: this is ${process.platform}`);
const linux = { platform: "linux", localAddresses: LOOPBACK } as const;

const view = (results: Awaited<ReturnType<typeof bindTest>>) => results.map((r) => [r.address, r.state, r.impliedBy ?? null]);

describe.skipIf(process.platform !== "linux")("bind test", () => {
  it("on a free port binds the wildcards, and their loopback addresses are free by implication", async () => {
    const port = await freePort();
    expect(view(await bindTest(port, [], linux))).toEqual([
      ["0.0.0.0", "free", null],
      ["::", "free", null],
      ["127.0.0.1", "free", "0.0.0.0"],
      ["::1", "free", "::"],
    ]);
  });

  it("binds 127.0.0.1 itself when 0.0.0.0 is held, and finds its holder there", async () => {
    const port = await hold("127.0.0.1");
    expect(view(await bindTest(port, [], linux))).toEqual([
      ["0.0.0.0", "in-use", null],
      ["::", "free", null],
      ["127.0.0.1", "in-use", null],
      ["::1", "free", "::"],
    ]);
  });

  it("binds ::1 itself when :: is held", async () => {
    const port = await hold("::1");
    expect(view(await bindTest(port, [], linux))).toEqual([
      ["0.0.0.0", "free", null],
      ["::", "in-use", null],
      ["127.0.0.1", "free", "0.0.0.0"],
      ["::1", "in-use", null],
    ]);
  });

  it("a holder on 0.0.0.0 leaves IPv6 free; extra addresses are always bound", async () => {
    const port = await hold("0.0.0.0");
    expect(view(await bindTest(port, ["127.0.0.2", "192.0.2.1"], linux))).toEqual([
      ["0.0.0.0", "in-use", null],
      ["::", "free", null],
      ["127.0.0.1", "in-use", null],
      ["::1", "free", "::"],
      ["127.0.0.2", "in-use", null],
      // TEST-NET-1: on no interface of this machine, so it cannot be bound (no packet is sent).
      ["192.0.2.1", "absent", null],
    ]);
  });

  it("binds a loopback address the machine's interfaces do not list (lo down, IPv6 off on lo), so it can be reported absent", async () => {
    const port = await freePort();
    const noIpv6Loopback = await bindTest(port, [], { platform: "linux", localAddresses: ["127.0.0.1"] });
    // Bound itself, not implied: here ::1 exists, so the bind finds it free.
    expect(view(noIpv6Loopback).at(-1)).toEqual(["::1", "free", null]);
    expect(view(noIpv6Loopback)[2]).toEqual(["127.0.0.1", "free", "0.0.0.0"]);
  });

  it("binds through public listen() when _listen2 is not Node's own (a deprecated, wrapped one would warn on every run)", async () => {
    const port = await hold("127.0.0.1");
    const own = Object.getOwnPropertyDescriptor(Server.prototype, "_listen2");
    const original: unknown = own?.value;
    if (typeof original !== "function") throw new Error("this Node has no _listen2");
    // What a deprecation does to it: the same step under another function's name.
    Object.defineProperty(Server.prototype, "_listen2", { ...own, value: function deprecated(this: Server, ...args: unknown[]) { return Reflect.apply(original, this, args); } });
    const lookup = vi.spyOn(dns, "lookup");
    try {
      expect(view(await bindTest(port, [], { platform: "darwin" }))).toEqual([
        ["0.0.0.0", "in-use", null],
        ["::", "free", null],
        ["127.0.0.1", "in-use", null],
        ["::1", "free", null],
      ]);
      expect(lookup).toHaveBeenCalled();
    } finally {
      lookup.mockRestore();
      if (own !== undefined) Object.defineProperty(Server.prototype, "_listen2", own);
    }
  });

  it("binds without a DNS lookup", async () => {
    // dns.lookup of an IPv6 literal compiles Node's IPv6 regular expression: about 5 ms of a `check`.
    const port = await hold("127.0.0.1");
    const lookup = vi.spyOn(dns, "lookup");
    const expected = [
      ["0.0.0.0", "in-use", null],
      ["::", "free", null],
      ["127.0.0.1", "in-use", null],
      ["::1", "free", null],
    ];
    try {
      expect(view(await bindTest(port, [], { platform: "darwin" }))).toEqual(expected);
      expect(lookup).not.toHaveBeenCalled();
    } finally {
      lookup.mockRestore();
    }
  });

  it("a wildcard bind fails while any address of its family listens, so the socket table reads only the families held", async () => {
    const reads: ((4 | 6)[] | undefined)[] = [];
    const real = new LinuxSocketTable({ readText: async (path) => readFileSync(path, "utf8"), runner: nodeCommandRunner });
    const counted = {
      wildcardBindSeesEveryListener: real.wildcardBindSeesEveryListener,
      snapshot: (o: Parameters<typeof real.snapshot>[0]) => (reads.push(o.families?.slice()), real.snapshot(o)),
    };
    const probes = { socketTable: counted, bindTest: (p: number, extra: readonly string[]) => bindTest(p, extra, linux) };

    const free = await localVerdict(await freePort(), probes);
    expect([free.held, free.source, reads]).toEqual([false, "bind test", []]);

    // Not a wildcard, not 127.0.0.1: still seen by the 0.0.0.0 bind, and then named by the table.
    const v4 = await hold("127.0.0.2");
    const heldV4 = await localVerdict(v4, probes);
    // A held port is looked at twice: the second look tells a holder from another run's bind test (issue 16, item 7).
    expect([heldV4.held, heldV4.source, reads]).toEqual([true, "proc", [[4, 6], [4, 6]]]);
    expect(heldV4.holders.map((h) => [h.pid, h.addresses])).toEqual([[process.pid, ["127.0.0.2"]]]);

    const v6 = await hold("::1");
    const heldV6 = await localVerdict(v6, probes);
    expect(heldV6.binds.find((b) => b.address === "::")?.state).toBe("in-use");
    expect(heldV6.holders.map((h) => [h.pid, h.addresses])).toEqual([[process.pid, ["::1"]]]);
    expect(reads).toEqual([[4, 6], [4, 6], [6], [6]]);

    // As Java listens on 127.0.0.1: an IPv6 socket on the mapped address, listed in tcp6 only.
    const mapped = await hold("::ffff:127.0.0.1");
    const heldMapped = await localVerdict(mapped, probes);
    expect(heldMapped.binds.filter((b) => b.address === "0.0.0.0" || b.address === "::").map((b) => b.state)).toEqual(["in-use", "free"]);
    expect(heldMapped.holders.map((h) => h.pid)).toEqual([process.pid]);
  });

  it("a local verdict on a free port never names this process as its holder, the socket table read", async () => {
    // Without wildcardBindSeesEveryListener, so the table is read even when the wildcards bind free.
    const linuxTable = new LinuxSocketTable({ readText: async (path) => readFileSync(path, "utf8"), runner: nodeCommandRunner });
    const table = { snapshot: (o: Parameters<typeof linuxTable.snapshot>[0]) => linuxTable.snapshot(o) };
    const probes = { socketTable: table, bindTest: (p: number, extra: readonly string[]) => bindTest(p, extra, linux) };
    for (let i = 0; i < 5; i += 1) {
      const verdict = await localVerdict(await freePort(), probes);
      expect(verdict.held).toBe(false);
      expect(verdict.holders).toEqual([]);
    }
  });

  it("on the other platforms binds every address, since a wildcard and one address can both be bound there", async () => {
    const port = await freePort();
    for (const platform of ["darwin", "win32"] as const) {
      expect(view(await bindTest(port, [], { platform, localAddresses: LOOPBACK }))).toEqual([
        ["0.0.0.0", "free", null],
        ["::", "free", null],
        ["127.0.0.1", "free", null],
        ["::1", "free", null],
      ]);
    }
  });
});

describe("local verdict", () => {
  it("the bind test rules out a family only where a wildcard bind sees every listener, and only when that wildcard binds free", () => {
    const linuxTable = { wildcardBindSeesEveryListener: true, snapshot: () => Promise.reject(new Error("not read")) };
    const otherTable = { snapshot: () => Promise.reject(new Error("not read")) };
    const binds = (v4: BindState, v6: BindState) => [
      { address: "0.0.0.0", state: v4 },
      { address: "::", state: v6 },
      { address: "127.0.0.1", state: "free" as const },
    ];
    expect(listenerFamilies(linuxTable, binds("free", "free"))).toEqual([]);
    expect(listenerFamilies(linuxTable, binds("free", "absent"))).toEqual([]);
    // A held IPv4 wildcard reads both tables: an IPv4 holder may be an IPv6 socket on ::ffff:127.0.0.1.
    expect(listenerFamilies(linuxTable, binds("in-use", "free"))).toEqual([4, 6]);
    expect(listenerFamilies(linuxTable, binds("free", "in-use"))).toEqual([6]);
    expect(listenerFamilies(linuxTable, binds("denied", "error"))).toEqual([4, 6]);
    expect(listenerFamilies(linuxTable, binds("absent", "free"))).toEqual([4, 6]);
    expect(listenerFamilies(otherTable, binds("free", "free"))).toBeUndefined();
    expect(listenerFamilies(linuxTable, [{ address: "127.0.0.1", state: "free" }])).toBeUndefined();
  });

  it("reads the socket table only once the bind test has settled: a test socket read as listening would name this process", async () => {
    let binding = false;
    const readsDuringBind: boolean[] = [];
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const probes: LocalProbes = {
      socketTable: {
        snapshot: async () => {
          await turn();
          readsDuringBind.push(binding);
          return { listeners: [], excluded: [], source: "proc", ownersComplete: true };
        },
      },
      bindTest: async () => {
        binding = true;
        await turn();
        await turn();
        binding = false;
        return [{ address: "0.0.0.0", state: "free" }];
      },
    };
    expect((await localVerdict(18_000, probes)).held).toBe(false);
    expect(readsDuringBind).toEqual([false]);
  });
});

const asRoot = process.platform === "linux" && process.getuid?.() === 0 && spawnSync("ip", ["-V"]).status === 0;
if (!asRoot) console.log("skipping the bind test in a network namespace: it needs Linux, root and ip");

describe.skipIf(!asRoot)("bind test in a network namespace whose lo is down (needs root and ip)", () => {
  it("binds 127.0.0.1 and ::1 themselves there (no interface lists them): ::1 is absent, not free by implication", () => {
    const ns = `sparkport-bind-${process.pid}`;
    const module = fileURLToPath(new URL("../dist/observe/bind-test.js", import.meta.url));
    const script = `const { networkInterfaces } = await import("node:os"); const { bindTest } = await import(${JSON.stringify(module)});
      const localAddresses = Object.values(networkInterfaces()).flatMap((l) => l ?? []).map((i) => i.address);
      console.log(JSON.stringify(await bindTest(18123, [], { localAddresses })));`;
    try {
      expect(spawnSync("ip", ["netns", "add", ns]).status).toBe(0);
      const run = spawnSync("ip", ["netns", "exec", ns, process.execPath, "--input-type=module", "-e", script], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as { address: string; state: string; impliedBy?: string }[];
      expect(results.filter((r) => r.address === "127.0.0.1" || r.address === "::1").map((r) => [r.address, r.state, r.impliedBy ?? null])).toEqual([
        // Linux binds 127.0.0.1 with lo down; ::1 has no address until lo is up.
        ["127.0.0.1", "free", null],
        ["::1", "absent", null],
      ]);
    } finally {
      spawnSync("ip", ["netns", "delete", ns]);
    }
  });
});
