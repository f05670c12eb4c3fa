import type { DoctorDeps } from "../diagnose/doctor-context.js";
import type { CommandRunner } from "../io/command-runner.js";
import type { FileSystem } from "../io/file-system.js";
import type { OccupancyDeps, OccupancyOptions } from "../network/network-context.js";
import type { RegistryOptions } from "../registry/open-registry.js";

/** The real world as the shell wires it (src/cli/wiring.ts); each piece loads when a command asks for it. */
export interface CommandDeps {
  /** The working folder and the file system. */
  files(): Promise<{ cwd: string; fs: FileSystem }>;
  /** How the registry is found and read: --registry, SPARKPORT_REGISTRY, the registry cache. */
  registry(): Promise<RegistryOptions>;
  /**
   * The registry and the probing machinery, with --timeout, --no-remote, --this-node and --verbose.
   * `leanHeap`: a large registry served from the cache asks V8 for a lean heap (status).
   */
  occupancy(options?: { leanHeap?: boolean }): Promise<OccupancyOptions>;
  /** What doctor reads besides the network: process command lines, project files, this OS. */
  doctor(runner: CommandRunner): Promise<Omit<DoctorDeps, keyof OccupancyDeps>>;
  runner(): Promise<CommandRunner>;
  /** A progress line on stderr, shown only on a terminal and only once a run is slow. */
  progress(): { update: (done: number, total: number) => void; done: () => void };
}
