import { formatIpv6 } from "./format-ipv6.js";

/** One socket row of /proc/net/tcp, tcp6, udp or udp6. */
export interface ProcNetRow {
  /** Local address in text form: "0.0.0.0", "127.0.0.1", "::", "::1", "::ffff:127.0.0.1". */
  address: string;
  port: number;
  /** From the file's address width: 4 for tcp/udp, 6 for tcp6/udp6 (v4-mapped addresses included). */
  family: 4 | 6;
  /** The kernel state in hex, upper case: "0A" is TCP LISTEN; "07" (CLOSE) is an unconnected UDP socket. */
  state: string;
  inode: number;
  /** Effective uid of the socket's creator. */
  uid: number;
}

export const TCP_LISTEN = "0A";
export const UDP_UNCONNECTED = "07";

export type ByteOrder = "LE" | "BE";

// sl: local rem st tx:rx tr:when retrnsmt uid timeout inode ...
const ROW =
  /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):[0-9A-Fa-f]{4}\s+([0-9A-Fa-f]{2})\s+\S+\s+\S+\s+\S+\s+(\d+)\s+\d+\s+(\d+)/;

/**
 * Parses /proc/net/{tcp,tcp6,udp,udp6}. The kernel prints each 32-bit word of an address as a number in the
 * host's byte order (little-endian on x86 and arm64: 127.0.0.1 is `0100007F`); the port is a plain big number.
 * The header and any line that is not a socket row are skipped.
 */
export function parseProcNetTcp(text: string, byteOrder: ByteOrder = "LE"): ProcNetRow[] {
  const rows: ProcNetRow[] = [];
  for (const line of text.split("\n")) {
    const match = ROW.exec(line);
    if (match === null) continue;
    const [, hexAddress = "", hexPort = "", state = "", uid = "", inode = ""] = match;
    const bytes = addressBytes(hexAddress, byteOrder);
    rows.push({
      address: bytes.length === 4 ? bytes.join(".") : formatIpv6(groupsOf(bytes)),
      port: Number.parseInt(hexPort, 16),
      family: bytes.length === 4 ? 4 : 6,
      state: state.toUpperCase(),
      inode: Number(inode),
      uid: Number(uid),
    });
  }
  return rows;
}

function addressBytes(hex: string, byteOrder: ByteOrder): number[] {
  const bytes: number[] = [];
  for (let offset = 0; offset < hex.length; offset += 8) {
    const word = Number.parseInt(hex.slice(offset, offset + 8), 16);
    const bigEndian = [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff];
    bytes.push(...(byteOrder === "LE" ? bigEndian.reverse() : bigEndian));
  }
  return bytes;
}

function groupsOf(bytes: readonly number[]): number[] {
  const groups: number[] = [];
  for (let index = 0; index < bytes.length; index += 2) groups.push(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  return groups;
}
