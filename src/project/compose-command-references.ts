import { isScalar, isSeq } from "yaml";
import { composeServices, type ComposeContext } from "./compose-context.js";
import { usesHostNetwork } from "./compose-container-ports.js";
import { commandRole } from "./text-references.js";
import { isLoopbackHost } from "../util/loopback.js";
import { interpolateCompose } from "./interpolate-compose.js";
import type { MappedText } from "../command-line/mapped-text.js";
import { commandReference, portsInArgv, portsInCommand, type CommandPort } from "./scan-command-line.js";
import { yamlResolve, yamlValueOf } from "../util/yaml-value-of.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

const COMMAND_KEYS = ["entrypoint", "command"];

function mappedScalar(ctx: ComposeContext, node: unknown): { written: string; text: MappedText } | undefined {
  const item = yamlResolve(node, ctx.doc);
  const mapped = isScalar(item) ? yamlScalarMapped(item, ctx.text) : undefined;
  return mapped === undefined ? undefined : { written: mapped.text, text: interpolateCompose(mapped, ctx.env).text };
}

const isOwnMachine = (host: string): boolean => isLoopbackHost(host) || host === "0.0.0.0" || host === "::";

/**
 * From `command:` and `entrypoint:`, as a string or a list of words; `key` is the service's name. The ports a command
 * binds are the container's own (internal) unless the service shares the host's network; a URL handed to it that
 * names another machine is a client's.
 */
export function composeCommandReferences(ctx: ComposeContext): void {
  const services = new Set(composeServices(ctx).map((s) => s.name));
  for (const service of composeServices(ctx)) {
    const hostNetwork = usesHostNetwork(ctx, service.node);
    for (const name of COMMAND_KEYS) {
      const command = yamlValueOf(service.node, name, ctx.doc);
      let found: CommandPort[];
      let written: string;
      if (isSeq(command)) {
        const words = command.items.flatMap((item) => mappedScalar(ctx, item) ?? []);
        found = portsInArgv(words.map((w) => w.text));
        written = words.map((w) => w.written).join(" ");
      } else {
        const scalar = mappedScalar(ctx, command);
        if (scalar === undefined) continue;
        found = portsInCommand(scalar.text);
        written = scalar.written;
      }
      for (const port of found) {
        const role = hostNetwork ? commandRole(port) : port.host !== undefined && port.program.endsWith("=") && !services.has(port.host) && !isOwnMachine(port.host) ? commandRole(port) : "internal";
        ctx.references.push(commandReference(port, ctx, { kind: "compose-command", key: service.name, text: written, role }));
      }
    }
  }
}
