import { UsageError } from "../findings/errors.js";
import { requireKnown } from "../util/require-known.js";
import { unknownEnvironmentText } from "../util/unknown-name.js";
import { optionInputWords } from "../words/option-input-words.js";
import type { Allocation, RegistryModel } from "./model.js";
import { allocationIn, serviceTarget } from "./service-target.js";

export interface ServiceArgument {
  name: string;
  env: string | undefined;
  port: number;
  allocation: Allocation;
}

/**
 * --service NAME or NAME.ENV: the service, its environment and that environment's port. An unknown name is bad
 * input, with the closest name when one is close.
 */
export function serviceArgument(model: RegistryModel, given: string, env?: string): ServiceArgument {
  const names = model.data.services.map((s) => s.name);
  const target = serviceTarget(names, given);
  requireKnown("service", target.name, names);
  if (target.env !== undefined && env !== undefined && env !== target.env) throw new UsageError(optionInputWords().twoEnvironments(given, env));
  const named = target.env ?? env;
  const at = allocationIn(model, target.name, named);
  if (at === undefined) {
    const known = model.allocations.filter((a) => a.service.name === target.name).flatMap((a) => a.environment ?? []);
    throw new UsageError(unknownEnvironmentText(target.name, named ?? "", known));
  }
  return { name: target.name, env: named, port: at.port, allocation: at };
}
