import { exitCodeFor } from "../../findings/exit-code.js";
import type { Finding } from "../../findings/finding.js";
import { buildModel } from "../../registry/model.js";
import { ACCESS_TEXT } from "../../render/sections.js";
import { planAllocation, type AllocateOptions, type AllocationPlan } from "../allocate/allocate.js";
import { prepareNetwork } from "../../network/network-context.js";
import { openRegistry } from "../../registry/open-registry.js";

export interface RequestOptions extends AllocateOptions {
  priority?: "high" | "medium" | "low" | undefined;
}

export interface RequestResult {
  plan: AllocationPlan;
  title: string;
  /** The guide's port request form, as a Markdown issue body. */
  body: string;
  refusals: Finding[];
  exitCode: number;
}

const PRIORITY_TEXT = { high: "high (now)", medium: "medium (within a week)", low: "low (later)" } as const;

/** Writes nothing. */
export async function request(options: RequestOptions): Promise<RequestResult> {
  const model = buildModel(await openRegistry(options));
  const network = await prepareNetwork(model, options);
  const plan = await planAllocation(model, network, options);
  const team = model.data.teams[plan.team];
  const node = model.data.nodes[plan.node];
  const title = `[Port allocation] ${plan.service} - ${plan.team}`;
  const tick = (line: string): string => (/already allocated|: open|held$|not probed/.test(line) ? " " : "x");
  const body = [
    `## ${title}`,
    "",
    `- **Team**: ${plan.team}${team === undefined ? "" : ` (${team.name})`}`,
    `- **Service**: ${plan.service}`,
    `- **Wanted port**: ${Object.entries(plan.ports).map(([e, p]) => (e === "dev" ? String(p) : `${e} ${p}`)).join(", ")}`,
    `- **Purpose**: ${options.note ?? "(to fill in)"}`,
    `- **Node**: ${plan.node}${node === undefined ? "" : ` (${node.label ?? plan.node}, ${node.address})`}`,
    `- **Access scope**: ${ACCESS_TEXT[plan.access] ?? plan.access}`,
    `- **Priority**: ${PRIORITY_TEXT[options.priority ?? "medium"]}`,
    "",
    "### Conflict check",
    "",
    ...plan.checks.map((c) => `- [${tick(c)}] ${c}`),
    ...plan.refusals.map((f) => `- [ ] ${f.code}: ${f.message}`),
    "",
    `_Filled in by \`sparkport request\` from ${model.registry.file}._`,
    "",
  ].join("\n");
  return { plan, title, body, refusals: plan.refusals, exitCode: exitCodeFor(plan.refusals) };
}
