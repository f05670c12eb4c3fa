import type { CommandDeps } from "../command-deps.js";
import { optional, required, withDefault, type Values } from "../define-command.js";
import type { AllocateOptions } from "./allocate.js";

/** Their help: src/words/help/allocation-options-help.ts. */
export const allocationOptions = {
  team: required("--team <team>"),
  node: required("--node <node>"),
  port: optional("--port <port>"),
  env: optional("--env <environments>"),
  protocol: optional("--protocol <protocol>"),
  access: withDefault("--access <scope>", "all-nodes"),
  note: optional("--note <text>"),
  exception: optional("--exception <reason>"),
  fromReservation: optional("--from-reservation <name>"),
};

export async function allocationInput(service: string, options: Values<typeof allocationOptions>, deps: CommandDeps): Promise<AllocateOptions> {
  const { portOption } = await import("../../command-line/port-option.js");
  const port = options.port === undefined ? undefined : portOption(options.port);
  const { team, node, env, protocol, access, note, exception, fromReservation } = options;
  return { ...(await deps.occupancy()), service, team, node, port, env, protocol, access, note, exception, fromReservation };
}
