import { dockerLoopbackFix } from "../../fixes/docker-loopback-fix.js";
import type { ScanContext } from "../../project/scan-context.js";
import { doubt } from "../../project/edit-certainty.js";
import { isLoopbackHost } from "../../util/loopback.js";
import { lintWords } from "../../words/lint-words.js";

/** Compose publishing on 127.0.0.1 a service whose access is all nodes: other nodes are refused. */
export function composeLoopback(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (ref.kind !== "compose-port" || ref.hostIp === undefined || ref.hostIp === null || !isLoopbackHost(ref.hostIp)) continue;
    const node = ctx.fileNode(ref);
    if (node === undefined) continue;
    const owner = ctx.allocationsAt(node, ref.port).find((a) => a.access === "all-nodes");
    if (owner === undefined) continue;
    const replacement = dockerLoopbackFix(ref.text).replacement;
    // An entry built from ${VAR} gets the hint only: rewriting it would drop the variable.
    // Publishing on every interface instead of loopback opens the service to every network the node is on: a person decides.
    const certainty = doubt(lintWords().doubts.publishesWider);
    const fix = ref.text.includes("${") || replacement === ref.text ? undefined : { ref, kind: "entry" as const, replacement, certainty };
    ctx.report("scan-compose-loopback", "error", { service: ref.key ?? "?", port: ref.port, owner: owner.label, entry: ref.text, replacement }, ref, undefined, fix, {
      port: ref.port,
      node,
      service: owner.service.name,
      suggestion: replacement,
    });
  }
}
