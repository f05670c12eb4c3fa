import { formatIpv6 } from "./format-ipv6.js";

export interface ProcNetRow {
  address: string;
  port: number;
  /** From the file, not the address: tcp6 holds v4-mapped addresses too. */
  family: 4 | 6;
  /** "0A" is TCP LISTEN; "07" (CLOSE) is an unconnected UDP socket. */
  state: string;
  inode: number;
  uid: number;
}

export const TCP_LISTEN = "0A";
export const UDP_UNCONNECTED = "07";

export type ByteOrder = "LE" | "BE";

// sl: local rem st tx:rx tr:when retrnsmt uid timeout inode ...
const ROW =
  /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):[0-9A-Fa-f]{4}\s+([0-9A-Fa-f]{2})\s+\S+\s+\S+\s+\S+\s+(\d+)\s+\d+\s+(\d+)/;

// Each 32-bit word of an address is printed in the host's byte order (127.0.0.1 is `0100007F` on x86 and arm64);
// the port is plain big-endian.
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
