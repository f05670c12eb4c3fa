import { exitCodeFor } from "../../findings/exit-code.js";
import type { Finding } from "../../findings/finding.js";
import { language } from "../../findings/language.js";
import { buildModel } from "../../registry/model.js";
import { WORDS } from "../../render/sections.js";
import { planAllocation, type AllocateOptions, type AllocationCheck, type AllocationPlan } from "../allocate/allocate.js";
import { prepareNetwork } from "../../network/network-context.js";
import { openRegistry } from "../../registry/open-registry.js";
import { requestWords } from "../../words/request-words.js";

export interface RequestOptions extends AllocateOptions {
  priority?: "high" | "medium" | "low" | undefined;
}

export interface RequestResult {
  plan: AllocationPlan;
  /** The title and body, in the run's language. */
  title: string;
  /** The guide's port request form, as a Markdown issue body. */
  body: string;
  refusals: Finding[];
  exitCode: number;
}

/** A check as the form lists it, ticked when it passed: only a refusal, or a port never probed, is no pass. */
function checkLine(c: AllocationCheck, said: ReturnType<typeof requestWords>["check"]): { text: string; passed: boolean } {
  switch (c.check) {
    case "reservation":
      return { text: said.reservation(c), passed: true };
    case "next-free":
      return { text: said.nextFree(c), passed: true };
    case "table":
      return { text: said.table(c), passed: !c.taken };
    case "local":
      return { text: said.local(c), passed: !c.held };
    case "probe":
      return { text: said.probe(c), passed: c.state === "closed" };
    case "not-probed":
      return { text: said.notProbed(c), passed: false };
  }
}

/** Writes nothing. */
export async function request(options: RequestOptions): Promise<RequestResult> {
  const model = buildModel(await openRegistry(options));
  const network = await prepareNetwork(model, options);
  const plan = await planAllocation(model, network, options);
  const w = requestWords();
  const team = model.data.teams[plan.team];
  const node = model.data.nodes[plan.node];
  const title = w.title({ service: plan.service, team: plan.team });
  const body = w.body({
    title,
    team: plan.team,
    teamName: team?.name,
    service: plan.service,
    ports: Object.entries(plan.ports),
    purpose: options.note,
    node: plan.node,
    nodeLabel: node?.label,
    address: node?.address,
    access: plan.access,
    accessText: WORDS[language()].access[plan.access],
    priority: options.priority ?? "medium",
    checks: plan.checks.map((c) => checkLine(c, w.check)),
    refusals: plan.refusals,
    registry: model.registry.file,
  });
  return { plan, title, body, refusals: plan.refusals, exitCode: exitCodeFor(plan.refusals) };
}
