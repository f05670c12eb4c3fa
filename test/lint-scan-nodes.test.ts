import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/commands/lint/lint.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import { isTailnetOrPrivate, oneOctetOff } from "../src/util/private-address.js";
import { REPO_ROOT } from "./helpers/run-cli.js";

// Nodes on tailnet addresses: lint only reads them as text, nothing is probed.
const DIR = path.join(REPO_ROOT, "test", "fixtures", "lint-scan-nodes-tailnet");
const lintTailnet = () => lint({ registry: path.join(DIR, "ports.yaml"), processEnv: {}, cwd: DIR, fs: nodeFileSystem });

describe("scan: a reference is judged on the node its host names", () => {
  it("raises each node finding at its file and line, and nothing else", async () => {
    const result = await lintTailnet();
    expect(result.findings.map((f) => [f.code, f.severity, f.location.file, f.location.line])).toEqual([
      // The desktop's address with a port FastAPI holds on the Mac mini: unregistered on the desktop, not FastAPI misplaced.
      ["scan-unregistered-port", "error", "frontend/.env.test", 1],
      ["scan-unknown-address", "warning", "backend/.env", 3],
      ["scan-unknown-address", "warning", "backend/.env", 4],
      ["scan-reserved-port", "info", "backend/.env", 2],
    ]);
  });

  it("names the node in prose and in structured fields", async () => {
    const byLine = new Map((await lintTailnet()).findings.map((f) => [`${f.location.file}:${f.location.line}`, f]));
    const desktop = byLine.get("frontend/.env.test:1");
    expect(desktop?.message).toBe("SEARCH_URL=http://100.120.180.42:8000/search uses 8000, which no service on desktop holds");
    expect(desktop?.data).toEqual({ port: 8000, host: "100.120.180.42", node: "desktop", role: "connect" });
    const typo = byLine.get("backend/.env:3");
    expect(typo?.message).toBe("LLM_URL=http://100.123.51.6:8000/v1: 100.123.51.6 is no node; did you mean macmini (100.123.51.5)?");
    expect(typo?.data).toEqual({ port: 8000, host: "100.123.51.6", node: "macmini", suggestion: "100.123.51.5", role: "connect" });
    const lan = byLine.get("backend/.env:4");
    expect(lan?.message).toBe("PRINTER_URL=http://192.168.0.23:631: 192.168.0.23 is no node");
    expect(lan?.data).toEqual({ port: 631, host: "192.168.0.23", role: "connect" });
    const reserved = byLine.get("backend/.env:2");
    expect(reserved?.message).toBe("PROMETHEUS_URL=http://localhost:9090 uses 9090 on macmini, reserved for Prometheus, not allocated yet");
    expect(reserved?.data).toMatchObject({ port: 9090, node: "macmini", service: "prometheus" });
  });

  it("stays silent on localhost, 0.0.0.0, node names, labels and Tailscale names of the right node, and on unmapped files", async () => {
    const findings = (await lintTailnet()).findings;
    const silent = (file: string, lines: number[]) => findings.filter((f) => f.location.file === file && lines.includes(f.location.line ?? 0));
    // localhost:8000 in a Mac mini file, where FastAPI runs; then its Tailscale name, 0.0.0.0, node name and label.
    expect(silent("backend/.env", [1, 5, 6, 7, 8])).toEqual([]);
    expect(silent("desktop/.env", [1])).toEqual([]);
    // No scan.nodes glob maps scripts/: localhost there belongs to no node, so nothing depends on one.
    expect(findings.filter((f) => f.location.file.startsWith("scripts/"))).toEqual([]);
  });
});

describe("addresses that are no node", () => {
  it("knows the tailnet and the private ranges", () => {
    expect(["100.64.0.1", "100.127.255.254", "10.0.0.5", "172.16.0.1", "172.31.9.9", "192.168.0.23"].filter(isTailnetOrPrivate)).toHaveLength(6);
    expect(["100.128.0.1", "100.63.0.1", "172.32.0.1", "8.8.8.8", "192.169.0.1", "example.com", "300.1.1.1"].filter(isTailnetOrPrivate)).toEqual([]);
  });

  it("suggests only the one address a single octet away, the nearest when several are", () => {
    const nodes = [
      { node: "a", address: "100.64.0.5" },
      { node: "b", address: "100.64.0.9" },
      { node: "c", address: "100.70.1.5" },
    ];
    expect(oneOctetOff("100.64.0.6", nodes)?.node).toBe("a");
    expect(oneOctetOff("100.64.0.7", nodes)).toBeUndefined();
    expect(oneOctetOff("100.70.2.5", nodes)?.node).toBe("c");
    expect(oneOctetOff("100.99.9.9", nodes)).toBeUndefined();
  });
});
