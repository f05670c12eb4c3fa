export interface Listener {
  protocol: "tcp" | "udp";
  /** As the OS shows it, normalised: "0.0.0.0", "::", "127.0.0.1", "::1", "192.168.1.5", "fe80::1%en0". */
  address: string;
  port: number;
  family: 4 | 6;
  /** Undefined when the owner cannot be seen (another user's process without privileges). */
  pid?: number;
  command?: string;
  user?: string;
}

/** A range of ports the OS reserves (Windows excludedportrange); binding there fails with EACCES. */
export interface ExcludedRange {
  from: number;
  to: number;
}

export interface SocketSnapshot {
  listeners: Listener[];
  excluded: ExcludedRange[];
  /** Which source answered: "proc", "ss", "lsof", "netstat", or "bind test" when it alone proved the port free (Linux). */
  source: string;
  /** False when some owners could not be read (permissions): an owner-less row is "unknown", never "free". */
  ownersComplete: boolean;
}

export interface SnapshotOptions {
  protocol: "tcp" | "udp";
  ports?: readonly number[];
  families?: readonly (4 | 6)[];
}

export interface SocketTable {
  /** Linux: the kernel refuses a wildcard bind while any socket of its family listens, so free wildcards mean no listener. */
  readonly wildcardBindSeesEveryListener?: boolean;
  /** `ports` and `families` narrow the owner lookup, where the table can tell them apart. */
  snapshot(options: SnapshotOptions): Promise<SocketSnapshot>;
}
