import { isScalar, isSeq } from "yaml";
import { joinMapped, plainMapped, type MappedText } from "../command-line/mapped-text.js";
import { composeServices, type ComposeContext } from "./compose-context.js";
import { interpolateCompose } from "./interpolate-compose.js";
import type { PortReference } from "./port-reference.js";
import { commandReference, portsInCommand } from "./scan-command-line.js";
import { mappedValueReferences, type FileSite } from "./text-references.js";
import { yamlResolve, yamlValueOf } from "../util/yaml-value-of.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

const TEST_FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);

function mapped(ctx: ComposeContext, node: unknown): MappedText | undefined {
  const item = yamlResolve(node, ctx.doc);
  const text = isScalar(item) ? yamlScalarMapped(item, ctx.text) : undefined;
  return text === undefined ? undefined : interpolateCompose(text, ctx.env).text;
}

/** `test:` as a string or a list (`["CMD", "curl", "-f", "http://localhost:8080/health"]`), as one mapped command line. */
function testCommand(ctx: ComposeContext, test: unknown): MappedText | undefined {
  if (!isSeq(test)) return mapped(ctx, test);
  const words: MappedText[] = [];
  for (const item of test.items) {
    const word = mapped(ctx, item);
    if (word === undefined || (words.length === 0 && TEST_FORMS.has(word.text))) continue;
    if (words.length > 0) words.push(plainMapped(" ", word.start[0] ?? 0));
    words.push(word);
  }
  return words.length === 0 ? undefined : joinMapped(words);
}

/** A healthcheck runs inside its container: every URL and port in its `test:` is the container's own (internal). */
export function composeHealthcheckReferences(ctx: ComposeContext): void {
  const site: FileSite = { file: ctx.file, position: ctx.position, kind: "compose-command" };
  for (const service of composeServices(ctx)) {
    const test = yamlValueOf(yamlValueOf(service.node, "healthcheck", ctx.doc), "test", ctx.doc);
    const command = testCommand(ctx, test);
    if (command === undefined) continue;
    const taken = new Set<number>();
    const what = { kind: "compose-command" as const, key: service.name, text: command.text, role: "internal" as const };
    for (const port of portsInCommand(command)) {
      taken.add(port.offset);
      ctx.references.push(commandReference(port, ctx, what));
    }
    const found: PortReference[] = mappedValueReferences(command, site, { key: service.name, text: command.text, role: () => "internal", strictHosts: false });
    for (const ref of found) if (!taken.has(ref.offset)) ctx.references.push(ref);
  }
}
