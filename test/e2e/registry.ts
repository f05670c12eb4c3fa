import { writeFile } from "node:fs/promises";
import path from "node:path";
import { NODE_ADDRESSES, NODE_NAMES, type NodeName } from "./topology.js";

// The registry the namespace tests use: the guide's nodes at their real
// addresses and the guide's services, in the shape of the repository's
// ports.yaml. The nodes are Linux namespaces, so each says `os: linux` and
// doctor's fixes are for the OS that is really there.

export interface ServiceSpec {
  name: string;
  label: string;
  team: string;
  node: NodeName;
  port: number;
  protocol: "tcp" | "http";
  access: string;
  status: string;
  locked?: boolean;
  start?: string;
  exceptions?: { rule: string; reason: string }[];
}

export const THREE_NODE_SERVICES: readonly ServiceSpec[] = [
  {
    name: "fastapi",
    label: "FastAPI",
    team: "B",
    node: "macmini",
    port: 8000,
    protocol: "http",
    access: "all-nodes",
    status: "in-development",
    start: "uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload",
  },
  { name: "redis", label: "Redis", team: "A", node: "macmini", port: 6379, protocol: "tcp", access: "all-nodes", status: "running", locked: true },
  { name: "ollama", label: "Ollama", team: "A", node: "desktop", port: 11434, protocol: "http", access: "backend-only", status: "stopped", start: "ollama serve" },
  {
    name: "comfyui",
    label: "ComfyUI",
    team: "A",
    node: "desktop",
    port: 8188,
    protocol: "http",
    access: "backend-only",
    status: "stopped",
    start: "python main.py --listen 0.0.0.0 --port 8188",
    exceptions: [{ rule: "outside-team-range", reason: "ComfyUI's default port; the guide keeps it" }],
  },
  { name: "nextjs", label: "Next.js", team: "C", node: "laptop", port: 3000, protocol: "http", access: "developers-browser", status: "in-development", start: "npm run dev" },
];

const LABELS: Readonly<Record<NodeName, string>> = { macmini: "Mac mini", desktop: "Desktop", laptop: "Laptop" };

export interface TeamSpec {
  name: string;
  ranges: { name: string; from: number; to: number }[];
}

export const GUIDE_TEAMS: Readonly<Record<string, TeamSpec>> = {
  A: {
    name: "Infrastructure / AI",
    ranges: [
      { name: "databases", from: 5000, to: 5999 },
      { name: "cache-messaging", from: 6000, to: 6999 },
      { name: "storage-monitoring", from: 9000, to: 9999 },
      { name: "ai-workers", from: 11000, to: 11999 },
    ],
  },
  B: { name: "Backend", ranges: [{ name: "backend", from: 8000, to: 8099 }] },
  C: { name: "Frontend", ranges: [{ name: "frontend", from: 3000, to: 3099 }] },
};

/** A YAML flow value: strings as JSON strings (valid YAML), objects and arrays in flow style. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(", ")}}`;
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Writes `dir/ports.yaml`-style registry `file` with these services; returns its absolute path. */
export async function writeRegistry(dir: string, file: string, services: readonly ServiceSpec[], teams: Readonly<Record<string, TeamSpec>> = GUIDE_TEAMS): Promise<string> {
  const lines = [
    "# Written by test/e2e: the guide's three nodes, as Linux network namespaces.",
    "version: 1",
    "project: sparkport e2e",
    "nodes:",
    ...NODE_NAMES.map((n) => `  ${n}: ${flow({ label: LABELS[n], address: NODE_ADDRESSES[n], os: "linux" })}`),
    "teams:",
    ...Object.entries(teams).map(([id, t]) => `  ${id}: ${flow(t)}`),
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
    "services:",
    ...services.map((s) => `  - ${flow(s)}`),
  ];
  const target = path.join(dir, file);
  await writeFile(target, `${lines.join("\n")}\n`);
  return target;
}
