import { UsageError } from "../../findings/errors.js";
import type { CommandDeps } from "../command-deps.js";
import { optional, required, withDefault, type Values } from "../define-command.js";
import type { AllocateOptions } from "./allocate.js";

export const allocationOptions = {
  team: required("--team <team>", "the owning team"),
  node: required("--node <node>", "the node it runs on"),
  port: optional("--port <port>", "the port (default: the next free one in the team's ranges)"),
  env: optional("--env <environments>", "environments besides dev, comma-separated (test,staging)"),
  protocol: optional("--protocol <protocol>", "tcp, http, https or udp (default: the reservation's, else http)"),
  access: withDefault("--access <scope>", "all-nodes, backend-only, developers-browser, test-only, staging-only, preview-only", "all-nodes"),
  note: optional("--note <text>", "what it is for"),
  exception: optional("--exception <reason>", "allow a port outside the team's ranges, recording this reason"),
  fromReservation: optional("--from-reservation <name>", "turn this reservation into the service, in the same edit (default when the service has a reservation's name)"),
};

export async function allocationInput(service: string, options: Values<typeof allocationOptions>, deps: CommandDeps): Promise<AllocateOptions> {
  if (options.port !== undefined && !/^\d{1,5}$/.test(options.port)) throw new UsageError(`--port must be a port 1-65535, got "${options.port}"`);
  const { team, node, env, protocol, access, note, exception, fromReservation } = options;
  const port = options.port === undefined ? undefined : Number(options.port);
  return { ...(await deps.occupancy()), service, team, node, port, env, protocol, access, note, exception, fromReservation };
}
