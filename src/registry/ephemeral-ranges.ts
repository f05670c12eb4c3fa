import type { OperatingSystem } from "./schema.js";

/** Linux's net.ipv4.ip_local_port_range default, and the IANA range macOS and Windows (since Vista) use. */
export const EPHEMERAL_RANGES: Record<OperatingSystem, { from: number; to: number }> = {
  linux: { from: 32768, to: 60999 },
  macos: { from: 49152, to: 65535 },
  windows: { from: 49152, to: 65535 },
};
