import { isRecord } from "../../util/is-record.js";

export interface PublishedPort {
  /** Brackets removed; null when the port is only exposed (`6379/tcp`). */
  hostIp: string | null;
  hostPort: number | null;
  containerPort: number;
  protocol: "tcp" | "udp";
}

export interface DockerContainer {
  /** Absent from `docker compose ps` tables and custom formats without it. */
  id?: string;
  /** A table without a NAME(S) column (a custom `--format "table ..."`) gives the service. */
  name: string;
  image?: string;
  service?: string;
  project?: string;
  ports: PublishedPort[];
}

// `[HOST:HOSTPORT->]PORT/PROTO`, each port possibly a range. HOST is greedy so that `:::8000` leaves "::".
const PORT_ENTRY = /^(?:(.*):(\d{1,5})(?:-(\d{1,5}))?->)?(\d{1,5})(?:-(\d{1,5}))?\/([a-z]+)$/;
const PORTS_LIKE = /\d\/(?:tcp|udp|sctp)\b/;
const SHORT_ID = /^[0-9a-f]{12,64}$/;

function portRange(from: string, to: string | undefined): [number, number] | null {
  const start = Number(from);
  const end = to === undefined ? start : Number(to);
  // Port 0 is no port (docker never prints it).
  return start >= 1 && start <= end && end <= 65_535 ? [start, end] : null;
}

function parsePortEntry(text: string): PublishedPort[] {
  const match = PORT_ENTRY.exec(text);
  if (match === null) return [];
  const [, host, hostFrom, hostTo, containerFrom = "", containerTo, protocol] = match;
  if (protocol !== "tcp" && protocol !== "udp") return [];
  const container = portRange(containerFrom, containerTo);
  if (container === null) return [];
  const [first, last] = container;
  const count = last - first + 1;
  if (hostFrom === undefined) {
    return Array.from({ length: count }, (_, i) => ({ hostIp: null, hostPort: null, containerPort: first + i, protocol }));
  }
  const hostPorts = portRange(hostFrom, hostTo);
  if (hostPorts === null || hostPorts[1] - hostPorts[0] + 1 !== count) return [];
  const hostIp = (host ?? "").replace(/^\[(.*)\]$/, "$1");
  return Array.from({ length: count }, (_, i) => ({ hostIp, hostPort: hostPorts[0] + i, containerPort: first + i, protocol }));
}

/** `127.0.0.1:5432->5432/tcp, :::8000->8000/tcp, [::]:8000->8000/tcp, 6379/tcp, 0.0.0.0:8000-8005->8000-8005/tcp`. */
export function parseDockerPortsField(field: string): PublishedPort[] {
  return field
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .flatMap(parsePortEntry);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function label(labels: string | undefined, key: string): string | undefined {
  if (labels === undefined) return undefined;
  const escaped = key.replace(/\./g, "\\.");
  return text(new RegExp(`(?:^|,)${escaped}=([^,]*)`).exec(labels)?.[1]);
}

/** NAMES may list link aliases after the name (`web,other/alias`). */
function firstName(names: unknown): string | undefined {
  return typeof names === "string" ? text(names.split(",")[0]) : undefined;
}

type Optional = Omit<DockerContainer, "name" | "ports">;

/** Only the fields that have a value, so results compare without `undefined` keys. */
function container(name: string, ports: PublishedPort[], { id, image, service, project }: Optional): DockerContainer {
  return {
    ...(id === undefined ? {} : { id }),
    name,
    ...(image === undefined ? {} : { image }),
    ...(service === undefined ? {} : { service }),
    ...(project === undefined ? {} : { project }),
    ports,
  };
}

const isPortNumber = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65_535;

/** `docker compose ps --format json` before 2.21 had no Ports text, only `Publishers`. */
function fromPublishers(publishers: unknown): PublishedPort[] {
  if (!Array.isArray(publishers)) return [];
  return publishers.flatMap((p: unknown): PublishedPort[] => {
    if (!isRecord(p) || !isPortNumber(p.TargetPort)) return [];
    const protocol = p.Protocol === undefined || p.Protocol === "" ? "tcp" : p.Protocol;
    if (protocol !== "tcp" && protocol !== "udp") return [];
    const hostPort = isPortNumber(p.PublishedPort) ? p.PublishedPort : null;
    const hostIp = hostPort === null ? null : (text(p.URL) ?? "0.0.0.0");
    return [{ hostIp, hostPort, containerPort: p.TargetPort, protocol }];
  });
}

function fromJson(value: unknown): DockerContainer | null {
  if (!isRecord(value)) return null;
  const name = text(value.Name) ?? firstName(value.Names);
  if (name === undefined) return null;
  const ports = Array.isArray(value.Ports) ? value.Ports.filter((p) => typeof p === "string").join(", ") : text(value.Ports);
  const labels = text(value.Labels);
  return container(name, ports === undefined ? fromPublishers(value.Publishers) : parseDockerPortsField(ports), {
      id: text(value.ID),
      image: text(value.Image),
      service: text(value.Service) ?? label(labels, "com.docker.compose.service"),
      project: text(value.Project) ?? label(labels, "com.docker.compose.project"),
  });
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

interface Cell {
  start: number;
  text: string;
}

/** Cells are separated by two or more spaces (docker pads with at least three). */
function cells(line: string): Cell[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index, text: m[0] }));
}

type Field = "id" | "name" | "image" | "service" | "project" | "ports";

const HEADER_FIELDS: Record<string, Field> = {
  "CONTAINER ID": "id",
  ID: "id",
  NAMES: "name",
  NAME: "name",
  IMAGE: "image",
  SERVICE: "service",
  PROJECT: "project",
  PORTS: "ports",
};

interface Column {
  start: number;
  field: Field | undefined;
}

function headerColumns(line: string): Column[] | null {
  const columns = cells(line).map((cell) => ({ start: cell.start, field: HEADER_FIELDS[cell.text.toUpperCase()] }));
  const fields = new Set(columns.map((c) => c.field));
  return fields.has("ports") && (fields.has("name") || fields.has("service") || fields.has("id")) ? columns : null;
}

function fromRow(line: string, columns: readonly Column[]): DockerContainer | null {
  const values: Partial<Record<Field, string>> = {};
  for (const cell of cells(line)) {
    const column = columns.filter((c) => c.start <= cell.start).at(-1) ?? columns[0];
    const field = column?.field;
    if (field !== undefined) values[field] = values[field] === undefined ? cell.text : `${values[field]} ${cell.text}`;
  }
  const name = firstName(values.name) ?? values.service;
  if (name === undefined) return null;
  return container(name, parseDockerPortsField(values.ports ?? ""), values);
}

/** As `docker ps | grep NAME` leaves it: ID, IMAGE, ..., PORTS, NAMES. */
function fromHeaderlessRow(line: string): DockerContainer | null {
  const row = cells(line).map((cell) => cell.text);
  const [id, image] = row;
  const name = row.at(-1);
  if (id === undefined || image === undefined || name === undefined || row.length < 3 || !SHORT_ID.test(id) || PORTS_LIKE.test(name)) return null;
  const ports = row.slice(2, -1).findLast((cell) => PORTS_LIKE.test(cell)) ?? "";
  const first = firstName(name);
  return first === undefined ? null : container(first, parseDockerPortsField(ports), { id, image });
}

/** JSON lines, the JSON array older `docker compose ps` printed, tables (default or custom with PORTS) and header-less rows. */
export function parseDockerPs(output: string): DockerContainer[] {
  const trimmed = output.trim();
  if (trimmed.startsWith("[")) {
    const array = parseJsonLine(trimmed);
    if (Array.isArray(array)) return array.map(fromJson).filter((c) => c !== null);
  }
  const containers: DockerContainer[] = [];
  let columns: Column[] | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === "" || /^-+$/.test(line.trim())) continue;
    if (line.trimStart().startsWith("{")) {
      const found = fromJson(parseJsonLine(line.trim()));
      if (found !== null) containers.push(found);
      continue;
    }
    const header = headerColumns(line);
    if (header !== null) {
      columns = header;
      continue;
    }
    const found = columns === null ? fromHeaderlessRow(line) : fromRow(line, columns);
    if (found !== null) containers.push(found);
  }
  return containers;
}
