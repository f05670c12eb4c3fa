import * as z from "zod/mini";
import { ACCESS_SCOPES, OPERATING_SYSTEMS, PRIORITIES, PROTOCOLS, SERVICE_STATUSES } from "./value-lists.js";

// zod/mini, not zod's default entry: the registry is parsed on every run, and mini loads far faster.

/** The description ends up in registry/ports.schema.json for editors. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description));
}

// The 1-65535 bound is a lint rule, not the schema, so a typo is reported with the other findings instead of stopping the run.
const port = described(z.number().check(z.int()), "A TCP or UDP port number (1-65535).");

const text = z.string();
const nonEmpty = (): z.ZodMiniString => z.string().check(z.minLength(1));
const optionalText = (description?: string) => (description === undefined ? z.optional(text) : described(z.optional(text), description));

const id = described(
  z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")),
  "A short identifier: lower-case letters, digits, '.', '_' or '-'.",
);

const teamId = described(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'")), "A team identifier, such as A, B or C.");

export { ACCESS_SCOPES, OPERATING_SYSTEMS, PRIORITIES, PROTOCOLS, SERVICE_STATUSES };

/** Lookups never reach Object.prototype: a node named "constructor" is just an undeclared name, not a crash. */
function record<K extends z.ZodMiniString, V extends z.ZodMiniType>(key: K, value: V) {
  return z.pipe(
    z.record(key, value),
    z.transform((r) => Object.assign(Object.create(null) as Record<z.output<K>, z.output<V>>, r)),
  );
}

const exception = described(
  z.strictObject({
    rule: described(nonEmpty(), "The lint rule code this entry is exempt from, such as outside-team-range."),
    reason: described(nonEmpty(), "Why the exception is right; shown when the finding is suppressed."),
  }),
  "A declared, reasoned exemption from one lint rule for this entry.",
);

const exceptions = described(z.optional(z.array(exception)), "Lint rules this entry is knowingly exempt from.");

const node = z.strictObject({
  label: optionalText("Human name of the machine, e.g. 'Mac mini'."),
  address: described(nonEmpty(), "The address other nodes reach this machine on (a Tailscale 100.x address or a host name)."),
  os: described(z.enum(OPERATING_SYSTEMS), "Operating system; decides the ephemeral port range and the fix commands."),
  role: optionalText("What runs here."),
  tailscale: optionalText("The node's Tailscale host name, when it differs from the address."),
  exceptions,
});

const range = z.strictObject({
  name: described(id, "Name of the range, e.g. databases."),
  from: described(port, "First port of the range."),
  to: described(port, "Last port of the range (inclusive)."),
  purpose: optionalText("What the range is for."),
  summary: described(
    z.optional(z.boolean()),
    "A range stated only as a summary: kept for the record and checked for overlaps, but services are placed by the team's other ranges.",
  ),
  exceptions,
});

const team = z.strictObject({
  name: described(nonEmpty(), "Team name, e.g. Backend."),
  ranges: described(z.array(range).check(z.minLength(1)), "Port ranges the team allocates from."),
  note: optionalText(),
});

const environment = z.strictObject({
  offset: described(z.number().check(z.int(), z.gte(0)), "Added to a service's base port: dev 0, test 1, staging 10."),
  label: optionalText(),
  note: optionalText(),
});

const serviceEnvironment = z.nullable(
  z.strictObject({
    port: described(z.optional(port), "Explicit port; defaults to the base port plus the environment's offset."),
    access: z.optional(z.enum(ACCESS_SCOPES)),
    status: z.optional(z.enum(SERVICE_STATUSES)),
    note: optionalText(),
    start: optionalText("The command that starts this environment's instance."),
  }),
);

const service = z.strictObject({
  name: described(id, "Unique service identifier, e.g. fastapi."),
  label: optionalText("Display name, e.g. FastAPI."),
  team: described(teamId, "Owning team (a key of teams)."),
  node: described(id, "Node the service runs on (a key of nodes)."),
  section: described(z.optional(id), "Table the service is listed under (an id of sections); defaults to the team's."),
  port: described(port, "Base port: the dev environment's port."),
  protocol: described(z.enum(PROTOCOLS), "tcp, http, https or udp."),
  access: described(z.enum(ACCESS_SCOPES), "Who may connect."),
  status: described(z.enum(SERVICE_STATUSES), "Declared state of the service."),
  locked: described(z.optional(z.boolean()), "A fixed port that must never change (shared infrastructure)."),
  note: optionalText(),
  start: optionalText("The command that starts the service."),
  environments: described(z.optional(record(id, serviceEnvironment)), "Environments this service runs in besides the base, keyed by environment name."),
  exceptions,
});

const reservation = z.strictObject({
  name: described(id, "Unique identifier, e.g. grafana."),
  label: optionalText(),
  port,
  protocol: z.optional(z.enum(PROTOCOLS)),
  purpose: nonEmpty(),
  priority: z.enum(PRIORITIES),
  team: described(z.optional(teamId), "Owning team, when one is named."),
  node: described(z.optional(id), "Node, when one is named."),
  exceptions,
});

const section = z.strictObject({
  id,
  title: nonEmpty(),
  team: described(z.optional(teamId), "Services of this team without a section of their own are listed here."),
});

const scan = described(
  z.strictObject({
    roots: described(z.optional(z.array(nonEmpty())), "Folders to scan, relative to this file's folder (default: the whole folder)."),
    ignore: described(z.optional(z.array(nonEmpty())), "Extra ignore globs, on top of .gitignore, node_modules, .git and build outputs."),
    include: described(
      z.optional(z.array(nonEmpty())),
      "Only the files these globs match are scanned (picomatch, relative to this file's folder): backend/**, **/*.env.",
    ),
    exclude: described(z.optional(z.array(nonEmpty())), "Files these globs match are not scanned (picomatch, relative to this file's folder)."),
    nodes: described(
      z.optional(z.record(nonEmpty(), id)),
      "Which node a file belongs to, by glob (picomatch): frontend/** → laptop. A host-less port in that file means that node.",
    ),
    docs: described(
      z.optional(z.boolean()),
      "Also read Markdown guides (*.md); what they name is reported at info severity, since guides record history. Default false.",
    ),
    tests: described(
      z.optional(z.enum(["info", "judge"])),
      "Findings in test trees (tests/, __tests__, fixtures, *.test.*, *_test.*): info (the default), or judged as in any file.",
    ),
  }),
  "How `sparkport lint` scans the project's .env, compose and script files.",
);

export const registrySchema = described(
  z.strictObject({
    version: described(z.literal(1), "Format version of this file."),
    project: optionalText("Project name, shown in generated documents."),
    nodes: described(record(id, node), "Machines, keyed by a short name."),
    teams: described(record(teamId, team), "Teams and their port ranges."),
    environments: described(record(id, environment), "Environments and their port offsets."),
    sections: described(z.optional(z.array(section)), "Tables of the allocation document, in order."),
    services: described(z.array(service), "Allocated ports."),
    reservations: described(z.optional(z.array(reservation)), "Ports held for later, with no service yet."),
    scan: z.optional(scan),
  }),
  "sparkport registry: the team's port allocation tables.",
);

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
