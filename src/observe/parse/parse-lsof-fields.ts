import { parseEndpoint } from "./parse-endpoint.js";

export interface LsofRow {
  pid: number;
  command?: string;
  user?: string;
  protocol?: "tcp" | "udp";
  address: string;
  port: number;
  family: 4 | 6;
}

interface ProcessFields {
  pid: number;
  command?: string;
  uid?: string;
  login?: string;
}

interface FileFields {
  type?: string;
  protocol?: string;
}

// `-F` output: `p` starts a process, each file's fields end with its name `n`; connected sockets (`->`) are skipped.
// lsof's `*` names no family: `t` IPv6 (a dual-stack socket too) makes it "::", anything else "0.0.0.0".
export function parseLsofFields(text: string): LsofRow[] {
  const rows: LsofRow[] = [];
  let process: ProcessFields | undefined;
  let file: FileFields = {};
  for (const field of text.split(/[\n\0]/)) {
    if (field === "") continue;
    const value = field.slice(1);
    switch (field[0]) {
      case "p": {
        const pid = /^\d+$/.test(value) ? Number(value) : undefined;
        process = pid === undefined ? undefined : { pid };
        file = {};
        break;
      }
      case "c":
        if (process !== undefined) process.command = decodeEscapes(value);
        break;
      case "u":
        if (process !== undefined) process.uid = value;
        break;
      case "L":
        if (process !== undefined) process.login = value;
        break;
      case "f":
        file = {};
        break;
      case "t":
        file.type = value;
        break;
      case "P":
        file.protocol = value;
        break;
      case "n": {
        if (process !== undefined) {
          const row = toRow(process, file, value);
          if (row !== undefined) rows.push(row);
        }
        file = {};
        break;
      }
      default:
        break;
    }
  }
  return rows;
}

function toRow(process: ProcessFields, file: FileFields, name: string): LsofRow | undefined {
  if (name.includes("->")) return undefined;
  const endpoint = parseEndpoint(name);
  if (endpoint === undefined) return undefined;
  const typeFamily = file.type === "IPv6" ? 6 : file.type === "IPv4" ? 4 : undefined;
  let address = endpoint.address;
  let family: 4 | 6;
  if (address === "*") {
    family = typeFamily === 6 ? 6 : 4;
    address = family === 6 ? "::" : "0.0.0.0";
  } else {
    family = typeFamily ?? endpoint.family ?? 4;
  }
  const protocol = file.protocol?.toLowerCase();
  const user = process.login ?? process.uid;
  return {
    pid: process.pid,
    ...(process.command !== undefined && { command: process.command }),
    ...(user !== undefined && { user }),
    ...((protocol === "tcp" || protocol === "udp") && { protocol }),
    address,
    port: endpoint.port,
    family,
  };
}

/** lsof writes unprintable bytes and spaces of command names as `\xNN` ("Code\x20H" is "Code H"). */
function decodeEscapes(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
