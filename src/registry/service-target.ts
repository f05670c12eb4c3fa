import type { Allocation, RegistryModel } from "./model.js";

/** NAME or NAME.ENV, as set-status and check --service take it: an exact service name wins, dot or not. */
export function serviceTarget(names: readonly string[], target: string): { name: string; env: string | undefined } {
  const dot = target.lastIndexOf(".");
  if (dot < 0 || names.includes(target)) return { name: target, env: undefined };
  return { name: target.slice(0, dot), env: target.slice(dot + 1) };
}

/** The allocation a service runs on in `env`, or its own written port without one; undefined when it has no such environment. */
export function allocationIn(model: RegistryModel, name: string, env: string | undefined): Allocation | undefined {
  const mine = model.allocations.filter((a) => a.service.name === name);
  return env === undefined ? (mine.find((a) => !a.derived && a.path.at(-1) === "port") ?? mine[0]) : mine.find((a) => a.environment === env);
}

/** The NAME or NAME.ENV that names this allocation, as set-status, check --service and doctor take it. */
export function targetOf(allocation: Allocation): string {
  const base = allocation.path.length === 3;
  return base || allocation.environment === undefined ? allocation.service.name : `${allocation.service.name}.${allocation.environment}`;
}
