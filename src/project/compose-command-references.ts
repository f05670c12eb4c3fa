import { isScalar, isSeq } from "yaml";
import { composeServices, type ComposeContext } from "./compose-context.js";
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

/** From `command:` and `entrypoint:`, as a string or a list of words; `key` is the service's name. */
export function composeCommandReferences(ctx: ComposeContext): void {
  for (const service of composeServices(ctx)) {
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
        ctx.references.push(commandReference(port, ctx, { kind: "compose-command", key: service.name, text: written }));
      }
    }
  }
}
