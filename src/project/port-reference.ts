import type { ResolvedFrom } from "../command-line/mapped-text.js";
/** Where a file of the project names a port: the unit `lint`'s scan rules compare with the registry. */
export interface PortReference {
  /** Path relative to the scan root, with "/" separators. */
  file: string;
  /** 1-based line and column of the port's digits. */
  line: number;
  column: number;
  /** Offset and length of the port's digits in the file's text (for --fix). */
  offset: number;
  length: number;
  port: number;
  /** The host as written ("100.123.51.5", "localhost", "db"), when the reference names one. */
  host?: string;
  kind: "env" | "compose-port" | "compose-env" | "compose-command" | "script" | "procfile";
  /** Env key, compose service name, or script name. */
  key?: string;
  /** The whole value or entry as written. */
  text: string;
  /** compose-port only: the published host IP (null: all interfaces). */
  hostIp?: string | null;
  /** The port came from ${VAR} / ${VAR:-default}: which variable and where its value was found. */
  resolvedFrom?: ResolvedFrom;
  /** For scripts and commands: the program recognised (next, vite, uvicorn, http.server, PORT=). */
  program?: string;
}

/** A file that could not be scanned (unreadable, binary, invalid YAML): reported, never fatal. */
export interface ScanProblem {
  file: string;
  line?: number;
  column?: number;
  reason: string;
}

export interface ScanResult {
  references: PortReference[];
  problems: ScanProblem[];
  /** Files read. */
  files: number;
}

export interface ScanOptions {
  /** Folders below the root to scan (default: the root itself). */
  roots?: readonly string[];
  /** Extra ignore globs (gitignore syntax), on top of .gitignore and the built-in skips. */
  ignore?: readonly string[];
}
