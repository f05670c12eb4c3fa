import path from "node:path";
import { MASK, maskValue } from "../../util/mask-secrets.js";
import type { DoctorContext } from "../doctor-context.js";

const ENV_FILE = /^\.env(\..+)?$|\.env$/;
const HOST_PORT = /(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s"']*@)?)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(\d{1,5})(?![\d])/g;

/** FASTAPI_URL for fastapi, MINIO_ENDPOINT for "MinIO API". */
function keyNames(key: string, name: string, label: string | undefined): boolean {
  const words = new Set(key.toLowerCase().split(/_+/));
  const own = [name, ...(label === undefined ? [] : [label])].flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3);
  return own.some((w) => words.has(w));
}

/** Client env values that point at the target's node on a port the service lacks, or at another node on its port. */
export async function checkEnvFiles(ctx: DoctorContext): Promise<void> {
  const allocation = ctx.target.allocation;
  if (allocation === null) return;
  const root = path.dirname(ctx.model.registry.absolutePath);
  const files = await ctx.deps.projectFiles(root, (name) => ENV_FILE.test(name));
  ctx.ran.push({ check: "files", kind: "env", count: files.length });
  const nodes = ctx.model.data.nodes;
  const node = nodes[allocation.node];
  if (node === undefined) return;
  const names = new Set([allocation.node, node.address, ...(node.tailscale === undefined ? [] : [node.tailscale])]);
  const hostOfNode = (host: string): string | undefined => Object.entries(nodes).find(([name, n]) => name === host || n.address === host || n.tailscale === host)?.[0];
  const team = ctx.model.data.teams[allocation.service.team];
  const inTeamRange = (port: number): boolean => (team?.ranges ?? []).some((r) => r.summary !== true && port >= r.from && port <= r.to);
  const expected = `${node.address}:${allocation.port}`;
  for (const file of files) {
    const shown = ctx.shown(file);
    const text = await ctx.deps.readText(file).catch(() => "");
    text.split(/\r?\n/).forEach((raw, index) => {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
      if (match === null) return;
      const key = match[1] ?? "";
      const value = (match[2] ?? "").replace(/\s+#.*$/, "").trim().replace(/^(["'])(.*)\1$/, "$2");
      for (const ref of value.matchAll(HOST_PORT)) {
        const host = (ref[1] ?? "").replace(/^\[|\]$/g, "");
        const port = Number(ref[2]);
        const refNode = hostOfNode(host);
        const onPort = ctx.model.allocations.filter((a) => a.node === allocation.node && a.port === port);
        // A client calling another environment of this service (8001 while dev is 8000), unless the file is that environment's own.
        const otherEnvironment = onPort.find((a) => a.service === allocation.service && a !== allocation);
        const ownEnvFile = otherEnvironment?.environment !== undefined && path.basename(file).includes(otherEnvironment.environment);
        const unregistered = onPort.length === 0 && inTeamRange(port) && keyNames(key, allocation.service.name, allocation.service.label);
        const sameNodeWrongPort = names.has(host) && port !== allocation.port && ((otherEnvironment !== undefined && !ownEnvFile) || unregistered);
        const wrongNode = refNode !== undefined && refNode !== allocation.node && port === allocation.port && !ctx.model.allocations.some((a) => a.node === refNode && a.port === port);
        if (!sameNodeWrongPort && !wrongNode) continue;
        const column = raw.indexOf(ref[0]) + 1;
        const fixed = value.replace(ref[0], ref[0].replace(`${ref[1] ?? ""}:${ref[2] ?? ""}`, expected));
        // Passwords stay out of the output, even in the line to copy: the user keeps their own.
        const masked = maskValue(key, value);
        const line = `${key}=${maskValue(key, fixed)}`;
        const write = { line, file: shown, masked: line.includes(MASK) };
        ctx.add("doctor-env-mismatch", "error", { key, value: masked, owner: ctx.owner, expected, write }, {
          location: { file: shown, line: index + 1, column },
          evidence: [() => `${shown}:${index + 1}: ${key}=${masked}`],
        });
      }
    });
  }
}
