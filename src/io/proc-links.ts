import { readdirSync, readlinkSync, realpathSync } from "node:fs";

/**
 * The /proc reads of the owner scan, behind an interface so tests can make one fail. Synchronous:
 * each takes microseconds, and a trip through the thread pool for each tripled the scan.
 */
export interface ProcLinks {
  readDir(path: string): string[];
  readLink(path: string): string;
  /** Absent: names are taken from the executable alone. */
  realPath?(path: string): string;
}

export const nodeProcLinks: ProcLinks = {
  readDir: (path) => readdirSync(path),
  readLink: (path) => readlinkSync(path),
  realPath: (path) => realpathSync(path),
};
