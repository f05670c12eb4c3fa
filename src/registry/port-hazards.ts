import { EPHEMERAL_RANGES } from "./ephemeral-ranges.js";
import type { OperatingSystem } from "./schema.js";

/** The Fetch standard's "bad ports": browsers refuse http(s) to them (ERR_UNSAFE_PORT). */
export const BROWSER_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111,
  113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548,
  554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665,
  6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Ports the OS itself listens on out of the box. */
export const OS_RESERVED_PORTS: Record<OperatingSystem, readonly { port: number; holder: string }[]> = {
  macos: [
    { port: 5000, holder: "AirPlay Receiver (ControlCenter)" },
    { port: 7000, holder: "AirPlay Receiver (ControlCenter)" },
  ],
  linux: [],
  windows: [],
};

/** The IANA dynamic range, for a node whose OS is not known. */
const DYNAMIC = { from: 49152, to: 65535 };

export type PortHazard =
  | { kind: "os-reserved"; holder: string }
  | { kind: "ephemeral"; from: number; to: number }
  | { kind: "browser-bad" };

/** Why a port is a poor choice on a node of this OS (undefined: not known), or null; browsers' list only for web services. */
export function portHazard(port: number, os: OperatingSystem | undefined, web: boolean): PortHazard | null {
  const reserved = os === undefined ? undefined : OS_RESERVED_PORTS[os].find((r) => r.port === port);
  if (reserved !== undefined) return { kind: "os-reserved", holder: reserved.holder };
  const range = os === undefined ? DYNAMIC : EPHEMERAL_RANGES[os];
  if (port >= range.from && port <= range.to) return { kind: "ephemeral", ...range };
  if (web && BROWSER_BAD_PORTS.has(port)) return { kind: "browser-bad" };
  return null;
}
