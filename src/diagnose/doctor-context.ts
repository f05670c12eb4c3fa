import path from "node:path";
import type { NetworkContext, OccupancyDeps } from "../network/network-context.js";
import type { Finding, Location } from "../findings/finding.js";
import { makeFinding } from "../findings/finding.js";
import type { Code, MessageArgs } from "../findings/messages.js";
import type { RegistryModel } from "../registry/model.js";
import type { OperatingSystem } from "../registry/schema.js";
import type { ProcessInfo } from "../observe/process-command-line.js";
import type { DoctorTarget } from "./resolve-target.js";
import { shownPath } from "../util/shown-path.js";
import { doctorWords, SEEN_IN_JSON, type SeenWords } from "../words/doctor-words.js";

export interface DoctorDeps extends OccupancyDeps {
  processInfo: ProcessInfo;
  /** Files below the registry's folder whose base name passes `accept`. */
  projectFiles: (root: string, accept: (name: string) => boolean) => Promise<string[]>;
  readText: (file: string) => Promise<string>;
  /** This machine's OS, for fixes run here. */
  os: OperatingSystem;
}

/** One line of what a check saw, said in a language's words (JSON's evidence in English, the text's in the run's). */
export type Evidence = (seen: SeenWords) => string;

/** One thing doctor checked, listed once under its findings (JSON `checks`); words/doctor-words.ts says it. */
export type DoctorCheck =
  | { check: "listeners" | "holders" | "localhost" | "docker-ps" }
  | { check: "connect"; target: string; fromHere: boolean }
  | { check: "serve-metrics"; url: string }
  | { check: "files"; kind: "env" | "compose"; count: number };

export interface DoctorContext {
  model: RegistryModel;
  network: NetworkContext;
  deps: DoctorDeps;
  target: DoctorTarget;
  local: boolean;
  /** The target node's OS: fixes are written for it. */
  targetOs: OperatingSystem;
  /** The service's label, else the port, in the run's language: the findings' `owner`. */
  owner: string;
  findings: Finding[];
  /** Each finding's evidence, for the text to say in the run's language. */
  observed: Map<Finding, Evidence[]>;
  ran: DoctorCheck[];
  /** A project file as the registry's findings show theirs (relative to cwd inside the project). */
  shown(file: string): string;
  add<C extends Code>(
    code: C,
    severity: Finding["severity"],
    args: MessageArgs<C>,
    extra?: { location?: Location; evidence?: Evidence[]; commands?: string[]; fix?: string; suggestion?: number },
  ): void;
}

export function createDoctorContext(
  model: RegistryModel,
  network: NetworkContext,
  deps: DoctorDeps,
  target: DoctorTarget,
  cwd: string,
): DoctorContext {
  const local = target.host === null ? target.node === null || target.node === network.thisNode : network.isLocalHost(target.host);
  const nodeOs = target.node === null ? undefined : model.data.nodes[target.node]?.os;
  const findings: Finding[] = [];
  const observed = new Map<Finding, Evidence[]>();
  const fallback: Location = target.allocation === null ? { file: model.registry.file } : model.at(target.allocation.path);
  return {
    model,
    network,
    deps,
    target,
    local,
    targetOs: local ? deps.os : (nodeOs ?? deps.os),
    owner: target.allocation?.label ?? doctorWords().port(target.port),
    findings,
    observed,
    ran: [],
    shown: (file) => shownPath(file, cwd, path.dirname(model.registry.absolutePath)),
    add(code, severity, args, extra) {
      const finding = makeFinding(code, severity, args, extra?.location ?? fallback);
      if (extra?.evidence !== undefined && extra.evidence.length > 0) {
        finding.evidence = extra.evidence.map((said) => said(SEEN_IN_JSON));
        observed.set(finding, extra.evidence);
      }
      if (extra?.commands !== undefined && extra.commands.length > 0) finding.commands = extra.commands;
      // A fix written for this program and OS says more than the code's generic one.
      if (extra?.fix !== undefined && extra.fix !== "") finding.fix = extra.fix;
      // A port to take instead of stopping the holder: data, so the commands hold commands only.
      if (extra?.suggestion !== undefined) finding.data = { suggestion: String(extra.suggestion) };
      findings.push(finding);
    },
  };
}
