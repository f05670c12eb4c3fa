import { z } from "zod";

// Ports are plain integers here; the 1-65535 bound is a lint rule, so a typo
// there is reported with the rest of the findings instead of stopping the run.
const port = z.number().int().describe("A TCP or UDP port number (1-65535).");

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
  .describe("A short identifier: lower-case letters, digits, '.', '_' or '-'.");

const teamId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'")
  .describe("A team identifier, such as A, B or C.");

export const ACCESS_SCOPES = [
  "all-nodes",
  "backend-only",
  "developers-browser",
  "test-only",
  "staging-only",
  "preview-only",
] as const;

export const SERVICE_STATUSES = ["running", "stopped", "in-development", "reserved", "planned"] as const;
export const PROTOCOLS = ["tcp", "http", "https", "udp"] as const;
export const OPERATING_SYSTEMS = ["macos", "windows", "linux"] as const;
export const PRIORITIES = ["high", "medium", "low"] as const;

/**
 * A record whose lookups never reach Object.prototype: a node, team or
 * environment named "constructor" is just an undeclared name, not a crash.
 */
function record<K extends z.ZodString, V extends z.ZodType>(key: K, value: V) {
  return z.record(key, value).transform((r) => Object.assign(Object.create(null) as Record<z.output<K>, z.output<V>>, r));
}

const exception = z
  .strictObject({
    rule: z.string().min(1).describe("The lint rule code this entry is exempt from, such as outside-team-range."),
    reason: z.string().min(1).describe("Why the exception is right; shown when the finding is suppressed."),
  })
  .describe("A declared, reasoned exemption from one lint rule for this entry.");

const exceptions = z.array(exception).optional().describe("Lint rules this entry is knowingly exempt from.");

const node = z.strictObject({
  label: z.string().optional().describe("Human name of the machine, e.g. 'Mac mini'."),
  address: z.string().min(1).describe("The address other nodes reach this machine on (a Tailscale 100.x address or a host name)."),
  os: z.enum(OPERATING_SYSTEMS).describe("Operating system; decides the ephemeral port range and the fix commands."),
  role: z.string().optional().describe("What runs here."),
  tailscale: z.string().optional().describe("The node's Tailscale host name, when it differs from the address."),
  exceptions,
});

const range = z.strictObject({
  name: id.describe("Name of the range, e.g. databases."),
  from: port.describe("First port of the range."),
  to: port.describe("Last port of the range (inclusive)."),
  purpose: z.string().optional().describe("What the range is for."),
  summary: z
    .boolean()
    .optional()
    .describe("A range stated only as a summary: kept for the record and checked for overlaps, but services are placed by the team's other ranges."),
  exceptions,
});

const team = z.strictObject({
  name: z.string().min(1).describe("Team name, e.g. Backend."),
  ranges: z.array(range).min(1).describe("Port ranges the team allocates from."),
  note: z.string().optional(),
});

const environment = z.strictObject({
  offset: z.number().int().min(0).describe("Added to a service's base port: dev 0, test 1, staging 10."),
  label: z.string().optional(),
  note: z.string().optional(),
});

const serviceEnvironment = z
  .strictObject({
    port: port.optional().describe("Explicit port; defaults to the base port plus the environment's offset."),
    access: z.enum(ACCESS_SCOPES).optional(),
    status: z.enum(SERVICE_STATUSES).optional(),
    note: z.string().optional(),
    start: z.string().optional().describe("The command that starts this environment's instance."),
  })
  .nullable();

const service = z.strictObject({
  name: id.describe("Unique service identifier, e.g. fastapi."),
  label: z.string().optional().describe("Display name, e.g. FastAPI."),
  team: teamId.describe("Owning team (a key of teams)."),
  node: id.describe("Node the service runs on (a key of nodes)."),
  section: id.optional().describe("Table the service is listed under (an id of sections); defaults to the team's."),
  port: port.describe("Base port: the dev environment's port."),
  protocol: z.enum(PROTOCOLS).describe("tcp, http, https or udp."),
  access: z.enum(ACCESS_SCOPES).describe("Who may connect."),
  status: z.enum(SERVICE_STATUSES).describe("Declared state of the service."),
  locked: z.boolean().optional().describe("A fixed port that must never change (shared infrastructure)."),
  note: z.string().optional(),
  start: z.string().optional().describe("The command that starts the service."),
  environments: record(id, serviceEnvironment)
    .optional()
    .describe("Environments this service runs in besides the base, keyed by environment name."),
  exceptions,
});

const reservation = z.strictObject({
  name: id.describe("Unique identifier, e.g. grafana."),
  label: z.string().optional(),
  port,
  protocol: z.enum(PROTOCOLS).optional(),
  purpose: z.string().min(1),
  priority: z.enum(PRIORITIES),
  team: teamId.optional().describe("Owning team, when one is named."),
  node: id.optional().describe("Node, when one is named."),
  exceptions,
});

const section = z.strictObject({
  id,
  title: z.string().min(1),
  team: teamId.optional().describe("Services of this team without a section of their own are listed here."),
});

const scan = z
  .strictObject({
    roots: z.array(z.string().min(1)).optional().describe("Folders to scan, relative to this file's folder (default: the whole folder)."),
    ignore: z.array(z.string().min(1)).optional().describe("Extra ignore globs, on top of .gitignore, node_modules, .git and build outputs."),
    nodes: z
      .record(z.string().min(1), id)
      .optional()
      .describe("Which node a file belongs to, by glob: frontend/** → laptop. A host-less port in that file means that node."),
  })
  .describe("How `sparkport lint` scans the project's .env, compose and script files.");

export const registrySchema = z
  .strictObject({
    version: z.literal(1).describe("Format version of this file."),
    project: z.string().optional().describe("Project name, shown in generated documents."),
    nodes: record(id, node).describe("Machines, keyed by a short name."),
    teams: record(teamId, team).describe("Teams and their port ranges."),
    environments: record(id, environment).describe("Environments and their port offsets."),
    sections: z.array(section).optional().describe("Tables of the allocation document, in order."),
    services: z.array(service).describe("Allocated ports."),
    reservations: z.array(reservation).optional().describe("Ports held for later, with no service yet."),
    scan: scan.optional(),
  })
  .describe("sparkport registry: the team's port allocation tables.");

export type RegistryData = z.output<typeof registrySchema>;
export type Service = RegistryData["services"][number];
export type Reservation = NonNullable<RegistryData["reservations"]>[number];
export type Node = RegistryData["nodes"][string];
export type Team = RegistryData["teams"][string];
export type PortRange = Team["ranges"][number];
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type AccessScope = (typeof ACCESS_SCOPES)[number];
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
