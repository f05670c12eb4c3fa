import type { DoctorDeps } from "../diagnose/doctor-context.js";
import type { CommandRunner } from "../io/command-runner.js";
import type { FileSystem } from "../io/file-system.js";
import type { ChildCommand, ChildOutcome } from "../io/foreground-child.js";
import type { OccupancyDeps, OccupancyOptions } from "../network/network-context.js";
import type { RegistryOptions } from "../registry/open-registry.js";
import type { OperatingSystem } from "../registry/schema.js";

/** The real world as src/cli/wiring.ts wires it; each piece loads when a command asks for it. */
export interface CommandDeps {
  files(): Promise<{ cwd: string; fs: FileSystem }>;
  registry(): Promise<RegistryOptions>;
  /** `leanHeap`: a large registry served from the cache asks V8 for a lean heap (status). */
  occupancy(options?: { leanHeap?: boolean }): Promise<OccupancyOptions>;
  doctor(runner: CommandRunner): Promise<Omit<DoctorDeps, keyof OccupancyDeps>>;
  runner(): Promise<CommandRunner>;
  /** Runs a program in the foreground (run, wait --): `starting` is said first, where the run shows text. */
  foreground(): Promise<(child: ChildCommand, starting: string) => Promise<ChildOutcome>>;
  /** The environment a program started by sparkport inherits. */
  environment(): NodeJS.ProcessEnv;
  /** This machine's host name and operating system. */
  machine(): { hostname: string; os: OperatingSystem };
  /** A line said while the command runs (where serve listens): on stderr, where the run shows text. */
  tell(line: string): void;
  /** The first SIGINT or SIGTERM after the call, by name: a command that runs until stopped (serve) ends then. */
  stopped(): Promise<NodeJS.Signals>;
}
