import { bindAllInterfacesFix } from "../../fixes/bind-fix.js";
import { doubt } from "../../project/edit-certainty.js";
import type { ReferenceKind } from "../../project/port-reference.js";
import { refText, type ScanContext } from "../../project/scan-context.js";
import { isLoopbackHost } from "../../util/loopback.js";
import { lintWords } from "../../words/lint-words.js";


/** Files that start a program with its own command line. */
const COMMANDS: ReadonlySet<ReferenceKind> = new Set(["script", "procfile", "shell", "makefile"]);

/**
 * A command that starts a service for all nodes on loopback only (`uvicorn --host 127.0.0.1`): other nodes are refused.
 * The fix is the same command from the one table of server programs that doctor's bind fix uses.
 */
export function loopbackBind(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (!COMMANDS.has(ref.kind) || ref.role !== "listen" || ref.host === undefined || !isLoopbackHost(ref.host)) continue;
    const node = ctx.fileNode(ref);
    if (node === undefined) continue;
    const owner = ctx.allocationsAt(node, ref.port).find((a) => a.access === "all-nodes");
    if (owner === undefined) continue;
    const bind = bindAllInterfacesFix(ref.text, ref.port, ctx.model.data.nodes[node]?.os ?? "linux");
    const command = bind.commands.length === 1 ? bind.commands[0] : undefined;
    // In package.json the script is a JSON string: a replacement with quotes or backslashes would need escaping.
    const writable = command !== undefined && !ref.text.includes("\n") && (ref.kind !== "script" || !/["\\]/.test(command));
    // Listening on every interface opens the service to every network the node is on: a person decides.
    const fix = writable ? { ref, kind: "entry" as const, replacement: command, certainty: doubt(lintWords().doubts.listensWider) } : undefined;
    ctx.report(
      "scan-loopback-bind",
      "error",
      { text: refText(ref), host: ref.host, port: ref.port, owner: owner.label, ...(command === undefined ? { advice: bind.summary } : { command }) },
      ref,
      undefined,
      fix,
      { port: ref.port, host: ref.host, node, service: owner.service.name, ...(command === undefined ? {} : { suggestion: command }) },
    );
  }
}
