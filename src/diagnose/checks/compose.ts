import path from "node:path";
import type { DoctorContext } from "../doctor-context.js";
import { dockerLoopbackFix } from "../../fixes/docker-loopback-fix.js";
import { findComposePortLines } from "../../observe/parse/compose-ports.js";
import { isLoopbackAddress } from "../../util/loopback.js";

const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/;

export async function checkCompose(ctx: DoctorContext): Promise<void> {
  const root = path.dirname(ctx.model.registry.absolutePath);
  const files = await ctx.deps.projectFiles(root, (name) => COMPOSE_FILE.test(name));
  ctx.ran.push({ check: "files", kind: "compose", count: files.length });
  for (const file of files) {
    const shown = ctx.shown(file);
    let text: string;
    try {
      text = await ctx.deps.readText(file);
    } catch {
      continue;
    }
    for (const line of findComposePortLines(text, shown)) {
      for (const p of line.ports) {
        if ("unresolved" in p || p.published !== ctx.target.port || p.hostIp === null || !isLoopbackAddress(p.hostIp)) continue;
        const fix = dockerLoopbackFix(line.entry);
        ctx.add(
          "doctor-compose-loopback",
          "error",
          { service: line.service, port: p.published, hostIp: p.hostIp, entry: line.entry, replacement: fix.replacement },
          { location: { file: shown, line: line.line, column: line.column }, evidence: [() => `${shown}:${line.line}: "${line.entry}"`], commands: fix.commands },
        );
      }
    }
  }
}
