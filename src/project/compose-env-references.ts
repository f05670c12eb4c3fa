import { isScalar, isSeq } from "yaml";
import { composeServices, type ComposeContext } from "./compose-context.js";
import { composeContainerPorts, usesHostNetwork } from "./compose-container-ports.js";
import type { ReferenceRole } from "./port-reference.js";
import { interpolateCompose } from "./interpolate-compose.js";
import { locateMapped, sliceMapped, type MappedText } from "../command-line/mapped-text.js";
import { portsInValue } from "./ports-in-value.js";
import { roleOfKey } from "./text-references.js";
import { yamlPairs, yamlResolve, yamlValueOf } from "../util/yaml-value-of.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

interface ServiceSide {
  /** Compose service names: as a host, the compose network's. */
  services: ReadonlySet<string>;
  /** The container side of the service's own ports and its `expose:`. */
  containerPorts: ReadonlySet<number>;
  hostNetwork: boolean;
}

/**
 * A host-less port (`PGADMIN_LISTEN_PORT: 80`) is the container's own when its `ports:` or `expose:` name it, the
 * host's under `network_mode: host`, and otherwise a port to reach: no container binds it on this node.
 */
function bareRole(port: number, side: ServiceSide): ReferenceRole {
  if (side.hostNetwork) return "listen";
  return side.containerPorts.has(port) ? "internal" : "connect";
}

function scanValue(ctx: ComposeContext, key: string, value: MappedText, side: ServiceSide): void {
  const { text } = interpolateCompose(value, ctx.env);
  for (const found of portsInValue(text.text, key)) {
    const at = locateMapped(text, found.index, found.index + found.length);
    ctx.references.push({
      file: ctx.file,
      ...ctx.position(at.offset),
      offset: at.offset,
      length: at.length,
      port: found.port,
      ...(found.host === undefined ? {} : { host: found.host }),
      kind: "compose-env",
      key,
      role: found.host === undefined ? bareRole(found.port, side) : side.services.has(found.host) ? "internal" : roleOfKey(key),
      text: value.text,
      ...(at.resolvedFrom === undefined ? {} : { resolvedFrom: at.resolvedFrom }),
    });
  }
}

/** Unset variables are not reported: values passed through from the shell (`${SECRET}`) are common and name no port. */
export function composeEnvReferences(ctx: ComposeContext): void {
  const services = new Set(composeServices(ctx).map((s) => s.name));
  for (const service of composeServices(ctx)) {
    const environment = yamlValueOf(service.node, "environment", ctx.doc);
    if (environment === undefined) continue;
    const side: ServiceSide = { services, containerPorts: composeContainerPorts(ctx, service.node), hostNetwork: usesHostNetwork(ctx, service.node) };
    if (isSeq(environment)) {
      for (const raw of environment.items) {
        const item = yamlResolve(raw, ctx.doc);
        const mapped = isScalar(item) ? yamlScalarMapped(item, ctx.text) : undefined;
        const eq = mapped?.text.indexOf("=") ?? -1;
        if (mapped === undefined || eq < 0) continue;
        scanValue(ctx, mapped.text.slice(0, eq).trim(), sliceMapped(mapped, eq + 1, mapped.text.length), side);
      }
      continue;
    }
    for (const pair of yamlPairs(environment, ctx.doc)) {
      const value = yamlResolve(pair.value, ctx.doc);
      const mapped = isScalar(pair.key) && isScalar(value) ? yamlScalarMapped(value, ctx.text) : undefined;
      if (mapped !== undefined && isScalar(pair.key)) scanValue(ctx, String(pair.key.value), mapped, side);
    }
  }
}
