/** A socket listening on this machine, as the OS's socket table reports it. */
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
  /** Ranges the OS keeps from applications (Windows only; empty elsewhere). */
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

/** The local socket table, behind one interface so each OS's implementation and the tests can swap it. */
export interface SocketTable {
  /**
   * True where the kernel refuses a wildcard bind while any socket of its
   * family listens on the port, on whatever address (Linux): there a port
   * whose 0.0.0.0 and :: bind free has no listener for the table to show.
   */
  readonly wildcardBindSeesEveryListener?: boolean;
  /**
   * Listening sockets; `ports` narrows the work (owner lookup) to those
   * ports when given, `families` to the address families that can hold them
   * (the others ruled out by a bind test), where the table can tell them apart.
   */
  snapshot(options: SnapshotOptions): Promise<SocketSnapshot>;
}
