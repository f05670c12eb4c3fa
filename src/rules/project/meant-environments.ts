import { isTestPath } from "../../project/is-test-path.js";
import type { PortReference } from "../../project/port-reference.js";
import type { RegistryModel } from "../../registry/model.js";

/** Words of a script or file name that run a built app: `next start`, `vite preview`, `.env.production`. */
const BUILT_APP_WORDS = new Set(["start", "serve", "preview", "prod", "production", "staging"]);

export interface MeantEnvironments {
  environments: ReadonlySet<string>;
  /** The context names them (`dev`, `.env.test`, a test tree): another environment's port is scan-wrong-service's. */
  named: boolean;
}

/**
 * The environments a reference's context may mean: the ones its script, key or file names (`dev`, `.env.test`, a test
 * tree's test); for a built app's script or file (`start`, `preview`, `.env.production`) any but test; for a script
 * that starts the service, any at all. `undefined` where nothing says: the base environment.
 */
export function meantEnvironments(model: RegistryModel, ref: PortReference): MeantEnvironments | undefined {
  const envs = Object.keys(model.data.environments);
  const words = `${ref.key ?? ""} ${ref.file.split("/").at(-1) ?? ""}`.toLowerCase().split(/[^a-z]+/);
  const named = envs.filter((e) => words.includes(e.toLowerCase()));
  if (named.length > 0) return { environments: new Set(named), named: true };
  if (isTestPath(ref.file)) return { environments: new Set(envs.filter((e) => e === "test")), named: true };
  // A script that starts the service on an environment's port is how that environment runs.
  if (ref.role === "listen") return { environments: new Set(envs), named: false };
  if (words.some((w) => BUILT_APP_WORDS.has(w))) return { environments: new Set(envs.filter((e) => e !== "test")), named: false };
  return undefined;
}
