import { isTestPath } from "../../project/is-test-path.js";
import { refText, type ScanContext } from "../../project/scan-context.js";
import { allocationOf, editCertainty } from "../../project/edit-certainty.js";

/** A `dev` script on the preview port, `.env.test` on the dev port. */
export function wrongService(ctx: ScanContext): void {
  const envs = Object.keys(ctx.model.data.environments);
  for (const ref of ctx.references) {
    const context = [ref.key ?? "", ref.file.split("/").at(-1) ?? ""].join(" ").toLowerCase();
    // A test tree's file means the test environment, whatever its name (conftest.py).
    const meant = envs.find((e) => new RegExp(`(^|[^a-z])${e}([^a-z]|$)`).test(context)) ?? (isTestPath(ref.file) ? envs.find((e) => e === "test") : undefined);
    const node = ctx.targetNode(ref);
    if (ref.role === "origin" || meant === undefined || node === undefined) continue;
    for (const a of ctx.allocationsAt(node, ref.port)) {
      if (a.environment === undefined || a.environment === meant) continue;
      const right = ctx.model.allocations.find((b) => b.service === a.service && b.environment === meant);
      if (right === undefined) continue;
      ctx.report(
        "scan-wrong-service",
        "error",
        { text: refText(ref), port: ref.port, owner: a.label, expected: `${right.port} (${right.label})`, environment: meant },
        ref,
        undefined,
        { ref, kind: "port", port: right.port, certainty: editCertainty(ctx, ref, allocationOf(ctx, node, right.port, a.service.name)) },
        { port: ref.port, ...(ref.host === undefined ? {} : { host: ref.host }), node, service: a.service.name, suggestion: String(right.port) },
      );
    }
  }
}
