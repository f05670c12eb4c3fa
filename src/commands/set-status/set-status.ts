import { UsageError } from "../../findings/errors.js";
import { applyEdit } from "../../edit/apply-edit.js";
import { setValue } from "../../edit/splice.js";
import { SERVICE_STATUSES } from "../../registry/schema.js";
import { requireKnown } from "../../util/require-known.js";
import { unknownEnvironmentText } from "../../util/unknown-name.js";
import { serviceTarget } from "../../registry/service-target.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import { serviceIndex, type ChangeResult } from "../release/release.js";

export async function setStatus(options: RegistryOptions & { target: string; status: string; dryRun?: boolean }): Promise<ChangeResult> {
  requireKnown("status", options.status, SERVICE_STATUSES);
  const registry = await openRegistry(options);
  const { name, env } = serviceTarget(
    registry.data.services.map((s) => s.name),
    options.target,
  );
  const index = serviceIndex(registry, name);
  const environments = Object.keys(registry.data.services[index]?.environments ?? {});
  if (env !== undefined && !environments.includes(env)) {
    throw new UsageError(unknownEnvironmentText(name, env, environments));
  }
  const edit = await applyEdit(
    registry,
    (current) => {
      const at = serviceIndex(current, name);
      const fresh = env === undefined ? ["services", at, "status"] : ["services", at, "environments", env, "status"];
      return setValue(current.text, fresh, options.status);
    },
    { dryRun: options.dryRun === true, fs: options.fs },
  );
  return { edit, refusals: [], exitCode: 0 };
}
