import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/commands/check/check.js";
import type { DoctorResult } from "../../src/commands/doctor/doctor.js";
import type { StatusResult } from "../../src/commands/status/status.js";
import type { CliRun } from "../helpers/run-cli.js";
import { parseJson, runCliIn, tableRow } from "./cli-in-namespace.js";
import { startScenario, stopScenario, type Scenario } from "./scenario.js";
import { REDIS_SERVER, redisPing, startRedis } from "./servers.js";
import { hostNetworkSnapshot, NFT_TABLE, NODE_ADDRESSES, NODE_NAMES, topologySkipReason } from "./topology.js";

// sparkport's verdicts from inside the laptop's namespace, against real
// servers on the other two nodes. Safety: every address is a namespace's own;
// no namespace has a default route (checked before every run); the host's
// root namespace is compared before and after; no name is resolved.

const skip = topologySkipReason();
if (skip !== undefined) console.warn(`skipping the three-node namespace e2e suite: ${skip}`);

const TIMEOUT = ["--timeout", "500ms"];

describe.skipIf(skip !== undefined)("three nodes in network namespaces: verdicts from the laptop", () => {
  let s: Scenario | undefined;
  let hostBefore: ReturnType<typeof hostNetworkSnapshot>;
  const scenario = (): Scenario => {
    if (s === undefined) throw new Error("the scenario did not start");
    return s;
  };
  const laptop = (args: string[]): Promise<CliRun> => runCliIn(scenario().topology, "laptop", scenario().registry, [...TIMEOUT, ...args]);
  const onMacmini = (args: string[]): Promise<CliRun> =>
    runCliIn(scenario().topology, "macmini", scenario().registry, [...TIMEOUT, "--this-node", "macmini", ...args]);
  const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

  beforeAll(async () => {
    hostBefore = hostNetworkSnapshot();
    s = await startScenario("three-nodes");
  }, 60_000);
  afterAll(async () => {
    await stopScenario(s);
  });

  it("builds the topology inside namespaces only: the addresses, no default route, the host untouched", () => {
    const { topology } = scenario();
    for (const node of NODE_NAMES) {
      expect(topology.exec(node, "ip", ["-4", "-o", "address", "show", "dev", "eth0"])).toContain(`inet ${NODE_ADDRESSES[node]}/32`);
      expect(() => topology.assertNoDefaultRoute(node)).not.toThrow();
      // A route lookup only, nothing sent: any address outside the three is unreachable from every node.
      expect(() => topology.exec(node, "ip", ["route", "get", "192.0.2.1"])).toThrow(/unreachable/i);
    }
    // Ollama is stopped: nothing on 11434 on the desktop; the firewall rule is the desktop's own.
    expect(topology.listening("desktop").map((l) => l.port)).toEqual([8188]);
    expect(topology.exec("desktop", "nft", ["list", "ruleset"])).toMatch(/tcp dport 8188 drop/);
    const hostAfter = hostNetworkSnapshot();
    expect(hostAfter).toEqual(hostBefore);
    expect(hostAfter.nftTables).not.toContain(NFT_TABLE);
  });

  it("refuses to run sparkport in the laptop's namespace once a default route appears there (IPv4 or IPv6)", async () => {
    const { topology } = scenario();
    for (const family of ["-4", "-6"]) {
      // Harmless even if it were used: the bridge has no uplink. It is removed before anything else runs.
      topology.exec("laptop", "ip", [family, "route", "add", "default", "dev", "eth0"]);
      try {
        await expect(laptop(["status"])).rejects.toThrow(/has a default route/);
      } finally {
        topology.exec("laptop", "ip", [family, "route", "del", "default", "dev", "eth0"]);
      }
    }
    expect(() => topology.assertNoDefaultRoute("laptop")).not.toThrow();
  });

  it("status: 8000 open, 6379 closed from outside, 11434 closed, 8188 filtered, 3000 listening here", async () => {
    const json = await laptop(["status", "--json"]);
    const result = parseJson<StatusResult>(json);
    expect(result.thisNode).toBe("laptop");
    const observed = Object.fromEntries(result.rows.map((r) => [r.service, [r.node, r.host, r.observed]]));
    expect(observed).toEqual({
      fastapi: ["macmini", NODE_ADDRESSES.macmini, "open"],
      redis: ["macmini", NODE_ADDRESSES.macmini, "closed"],
      ollama: ["desktop", NODE_ADDRESSES.desktop, "closed"],
      comfyui: ["desktop", NODE_ADDRESSES.desktop, "filtered"],
      nextjs: ["laptop", null, "listening"],
    });
    expect(result.rows.find((r) => r.service === "nextjs")?.addresses).toEqual(["0.0.0.0"]);
    // Redis is declared running; from the laptop it refuses: the one mismatch, an error, exit 1.
    expect(result.findings.map((f) => [f.code, f.message])).toEqual([["declared-running-but-down", "Redis on macmini is declared running but is closed"]]);
    expect(json.status).toBe(1);

    const text = await laptop(["status"]);
    expect(text.status).toBe(1);
    expect(tableRow(text.stdout, "FastAPI")).toEqual(["FastAPI", "8000", "macmini", "in-development", "open"]);
    expect(tableRow(text.stdout, "Redis")).toEqual(["Redis", "6379", "macmini", "running", "closed", "MISMATCH"]);
    expect(tableRow(text.stdout, "Ollama")).toEqual(["Ollama", "11434", "desktop", "stopped", "closed"]);
    expect(tableRow(text.stdout, "ComfyUI")).toEqual(["ComfyUI", "8188", "desktop", "stopped", "filtered"]);
    expect(tableRow(text.stdout, "Next.js")).toEqual(["Next.js", "3000", "laptop (this machine)", "in-development", "listening on 0.0.0.0"]);
    expect(text.stdout).toContain("5 ports, 1 mismatch");
  });

  it("doctor redis from the laptop: refused, and it says to run doctor on macmini to tell localhost-only from not running", async () => {
    const json = await laptop(["doctor", "redis", "--json"]);
    const result = parseJson<DoctorResult>(json);
    expect(json.status).toBe(1);
    expect(result.target).toMatchObject({ service: "redis", node: "macmini", local: false });
    // The laptop cannot see macmini's socket table: a refusal is all it observes, and doctor says both causes.
    expect(codes(result.findings)).toEqual(["doctor-refused-remote"]);
    const refused = result.findings[0];
    expect(refused?.message).toBe(
      `${NODE_ADDRESSES.macmini}:6379 refuses connections from here: nothing listens there on macmini, or it listens on localhost only`,
    );
    expect(refused?.evidence?.[0]).toMatch(/^probe 100\.123\.51\.5:6379: closed after \d+ ms \(ECONNREFUSED\)$/);
    expect(refused?.fix).toBe("run `sparkport doctor redis` on macmini to tell which");
    const text = await laptop(["doctor", "redis"]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("✖ doctor-refused-remote");
    expect(text.stdout).toContain("fix: run `sparkport doctor redis` on macmini to tell which");
  });

  it("doctor redis on macmini, as the laptop's diagnosis asks: localhost-only, with the holder's PID and Redis's bind fix", async () => {
    const { redis } = scenario();
    const json = await onMacmini(["doctor", "redis", "--json"]);
    const result = parseJson<DoctorResult>(json);
    expect(json.status).toBe(1);
    expect(result.target).toMatchObject({ service: "redis", node: "macmini", local: true });
    const finding = result.findings.find((f) => f.code === "doctor-localhost-only");
    expect(finding?.message).toBe(`Redis listens on 127.0.0.1 only (${redis.program}), so connections from other nodes to 6379 are refused`);
    expect(finding?.evidence).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^listening: 127\\.0\\.0\\.1:6379 PID ${redis.proc.pid}\\b`)), "probe 100.123.51.5:6379: closed"]));
    const text = await onMacmini(["doctor", "redis"]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("✖ doctor-localhost-only");
    if (redis.program === "redis") {
      // Redis retitles its process "redis-server 127.0.0.1:6379"; the fix is rebuilt from that title.
      expect(finding?.evidence).toContain(`command line: ${REDIS_SERVER} 127.0.0.1:6379`);
      expect(finding?.commands).toEqual([`${REDIS_SERVER} --bind 0.0.0.0 --port 6379`]);
      expect(finding?.fix).toMatch(/protected mode/);
      expect(finding?.fix).toMatch(/requirepass/);
      expect(text.stdout).toContain(`$ ${REDIS_SERVER} --bind 0.0.0.0 --port 6379`);
    } else {
      expect(finding?.commands?.join("\n")).toContain("--bind 0.0.0.0");
    }
  });

  it.skipIf(!existsSync(REDIS_SERVER))(
    "Redis restarted with doctor's command: the port opens, but protected mode still denies the laptop, as doctor's fix warns",
    async () => {
      const { topology, redisDir } = scenario();
      const diagnosis = parseJson<DoctorResult>(await onMacmini(["doctor", "redis", "--json"]));
      const command = diagnosis.findings.find((f) => f.code === "doctor-localhost-only")?.commands?.[0] ?? "";
      const [program = "", ...args] = command.split(" ");
      expect(program).toBe(REDIS_SERVER);
      await scenario().redis.proc.kill();
      // doctor's command as printed, and nothing persisted.
      const fixed = topology.spawn("macmini", program, [...args, "--save", "", "--appendonly", "no", "--dir", redisDir], { cwd: redisDir });
      try {
        await topology.waitListening("macmini", [6379], { address: "0.0.0.0", proc: fixed });
        const status = parseJson<StatusResult>(await laptop(["status", "--node", "macmini", "--json"]));
        expect(status.rows.find((r) => r.service === "redis")?.observed).toBe("open");
        expect(redisPing(topology, "laptop", NODE_ADDRESSES.macmini, 6379)).toMatch(/^-DENIED Redis is running in protected mode/);
      } finally {
        await fixed.kill();
        scenario().redis = await startRedis(topology, "macmini", redisDir);
      }
    },
  );

  it("doctor comfyui: filtered by the desktop's firewall, with the firewall commands for its OS", async () => {
    const json = await laptop(["doctor", "comfyui", "--json"]);
    const result = parseJson<DoctorResult>(json);
    expect(json.status).toBe(1);
    expect(codes(result.findings)).toEqual(["doctor-filtered"]);
    const finding = result.findings[0];
    expect(finding?.message).toBe(`${NODE_ADDRESSES.desktop}:8188 (ComfyUI on desktop) does not answer within 500 ms: a firewall or a Tailscale ACL drops it`);
    expect(finding?.evidence?.[0]).toMatch(/^probe 100\.120\.180\.42:8188: filtered after \d+ ms$/);
    expect(finding?.commands).toEqual(expect.arrayContaining(["sudo nft list ruleset", "sudo ufw allow in on tailscale0 to any port 8188 proto tcp"]));
    // The listing doctor suggests, run on the desktop, shows the rule that explains the silence.
    expect(scenario().topology.exec("desktop", "nft", ["list", "ruleset"])).toMatch(/tcp dport 8188 drop/);
    const text = await laptop(["doctor", "comfyui"]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("✖ doctor-filtered");
    expect(text.stdout).toContain("$ sudo nft list ruleset");
  });

  it("doctor fastapi: healthy, open from the laptop", async () => {
    const json = await laptop(["doctor", "fastapi", "--json"]);
    const result = parseJson<DoctorResult>(json);
    expect(json.status).toBe(0);
    expect(result.healthy).toBe(true);
    expect(codes(result.findings)).toEqual(["doctor-healthy"]);
    expect(result.checks).toContainEqual({ check: "connect", target: `${NODE_ADDRESSES.macmini}:8000`, fromHere: true });
    const text = await laptop(["doctor", "fastapi"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`checked: a TCP connection from here to ${NODE_ADDRESSES.macmini}:8000`);
    expect(text.stdout).toContain("✔ no problem found");
  });

  it("check 8000 --node macmini: allocated to FastAPI and open on macmini, a conflict", async () => {
    const json = await laptop(["check", "8000", "--node", "macmini", "--json"]);
    const result = parseJson<CheckResult>(json);
    expect(json.status).toBe(1);
    const check = result.checks[0];
    expect(check).toMatchObject({ port: 8000, node: "macmini", host: NODE_ADDRESSES.macmini, local: null, verdict: "conflict" });
    expect(check?.remote?.state).toBe("open");
    expect(codes(check?.findings ?? [])).toEqual(["port-allocated", "port-open-on-node"]);
    const text = await laptop(["check", "8000", "--node", "macmini"]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/remote {4}open: something listens on macmini \(100\.123\.51\.5:8000\)/);
  });

  it("check 3000 on the laptop: held here by the Next.js stand-in, with its PID", async () => {
    const { nextjs } = scenario();
    const json = await laptop(["check", "3000", "--json"]);
    const result = parseJson<CheckResult>(json);
    expect(json.status).toBe(1);
    const check = result.checks[0];
    expect(check).toMatchObject({ port: 3000, node: "laptop", remote: null, verdict: "conflict" });
    expect(check?.local?.holders).toEqual([expect.objectContaining({ pid: nextjs.pid, command: "node", addresses: ["0.0.0.0"] })]);
    expect(codes(check?.findings ?? [])).toContain("port-held-locally");
    const text = await laptop(["check", "3000"]);
    expect(text.stdout).toContain(`local     held by node (PID ${nextjs.pid}`);
  });
});
