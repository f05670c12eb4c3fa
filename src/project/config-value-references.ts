import { locateMapped, type MappedText } from "../command-line/mapped-text.js";
import type { PortReference, ReferenceRole } from "./port-reference.js";
import { commandReference, portsInCommand } from "./scan-command-line.js";
import { commandRole, mappedValueReferences, roleOfKey, type FileSite } from "./text-references.js";

/** Where a config value sits: its keys from the top (list indexes left out), and the plain values beside it. */
export interface ConfigPlace {
  path: readonly string[];
  siblings: ReadonlyMap<string, string>;
  /** An item of a list under the last key. */
  listItem?: boolean;
}

const LISTEN_KEY = /^(?:listen|bind|listen[_-]?port|bind[_-]?port)$/i;
const SERVING_PARENT = /^(?:server|listen|bind|serve|devserver|dev_server|uvicorn|gunicorn|http_server|webserver)$/i;
/** Under these keys a bare host name counts: `redis_host: cache:6379`. */
const ADDRESS_KEY = /(?:url|uri|host|hostname|addr|address|endpoint|target|server|upstream|dsn|origin)s?$/i;
const COMMAND_KEY = /^(?:run|script|before_script|after_script|command|cmd|entrypoint|start|exec)$/i;
const WILDCARD = new Set(["0.0.0.0", "::", "[::]", "*"]);
/** `- 5432:5432`, `- "127.0.0.1:8080:80/tcp"`, `- 6379` in a `ports:` list (a CI job's services, an Ansible task). */
const PORT_MAPPING = /^\s*(?:(?:\[[^\]]*\]|[^:\s]+):)??(?:(\d{1,5}):)?(\d{1,5})(?:\/(?:tcp|udp|sctp))?\s*$/;
const HOST_SIBLINGS = ["host", "hostname", "address", "addr", "server"];

/** The host side is bound on the machine that runs the containers; the container side, or a port alone, is internal. */
function portMappingReferences(mapped: MappedText, key: string, site: FileSite): PortReference[] | undefined {
  const match = PORT_MAPPING.exec(mapped.text);
  if (match === null) return undefined;
  const references: PortReference[] = [];
  const add = (digits: string, index: number, role: ReferenceRole): void => {
    const port = Number(digits);
    if (port < 1 || port > 65535) return;
    const at = locateMapped(mapped, index, index + digits.length);
    references.push({ file: site.file, ...site.position(at.offset), offset: at.offset, length: at.length, port, kind: site.kind, key, text: mapped.text.trim(), role });
  };
  const published = match[1];
  const target = match[2] ?? "";
  const targetAt = mapped.text.lastIndexOf(target, mapped.text.search(/\/|\s*$/));
  if (published !== undefined) add(published, mapped.text.lastIndexOf(published, targetAt - 1), "listen");
  add(target, targetAt, "internal");
  return references;
}

function hostBeside(siblings: ReadonlyMap<string, string>): string | undefined {
  for (const name of HOST_SIBLINGS) {
    const host = siblings.get(name)?.trim();
    if (host !== undefined && /^[A-Za-z0-9][A-Za-z0-9.-]*$|^\[?[0-9a-fA-F:]+\]?$/.test(host)) return host.replace(/^\[|\]$/g, "");
  }
  return undefined;
}

/** The first key from the value outward that says origin or browser; a client's otherwise. */
function roleOfPath(path: readonly string[]): ReferenceRole {
  for (let i = path.length - 1; i >= 0; i--) {
    const role = roleOfKey(path[i]);
    if (role !== "connect") return role;
  }
  return "connect";
}

/**
 * URLs and `host:port` pairs in a config value; a bare number only under a port key (`port`, `*_port`, `listen`).
 * A bare port beside a `host` key is a client's of that host; under `server:`/`listen` it is bound; elsewhere its role is unknown.
 */
export function configValueReferences(mapped: MappedText, place: ConfigPlace, site: FileSite): PortReference[] {
  const leaf = place.path.at(-1) ?? "";
  const key = place.path.join(".");
  const byPath = roleOfPath(place.path);
  const serving = LISTEN_KEY.test(leaf) || place.path.slice(0, -1).some((k) => SERVING_PARENT.test(k));
  const pairedHost = hostBeside(place.siblings);
  if (place.listItem === true && leaf === "ports") return portMappingReferences(mapped, key, site) ?? [];
  const references: PortReference[] = [];
  const taken = new Set<number>();
  if (COMMAND_KEY.test(leaf)) {
    for (const found of portsInCommand(mapped)) {
      taken.add(found.offset);
      references.push(commandReference(found, site, { kind: site.kind, key, text: mapped.text.trim(), role: commandRole(found) }));
    }
  }
  const values = mappedValueReferences(mapped, site, {
    key,
    portKey: LISTEN_KEY.test(leaf) ? "PORT" : leaf,
    text: mapped.text.trim(),
    strictHosts: !ADDRESS_KEY.test(leaf),
    role: (found) => {
      if (found.host === undefined) return pairedHost !== undefined ? byPath : serving ? "listen" : undefined;
      if (WILDCARD.has(found.host)) return "listen";
      return byPath;
    },
  });
  for (const ref of values) {
    if (taken.has(ref.offset)) continue;
    if (ref.host === undefined && pairedHost !== undefined) ref.host = pairedHost;
    references.push(ref);
  }
  return references;
}
