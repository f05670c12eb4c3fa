import type { ResolvedFrom } from "../command-line/mapped-text.js";

/**
 * `listen`: the file's own service binds it. `connect`: a client goes there. `browser`: code or config that runs in
 * a browser. `origin`: a CORS origin, where a page is served. `internal`: inside a container or a compose network.
 */
export type ReferenceRole = "listen" | "connect" | "browser" | "origin" | "internal";

export type ReferenceKind =
  | "env"
  | "compose-port"
  | "compose-env"
  | "compose-command"
  | "script"
  | "procfile"
  | "dockerfile"
  | "shell"
  | "nginx"
  | "caddy"
  | "kubernetes"
  | "makefile"
  | "source"
  | "config"
  | "docs";

export interface PortReference {
  /** Relative to the scan root, "/" separators. */
  file: string;
  line: number;
  column: number;
  offset: number;
  length: number;
  port: number;
  host?: string;
  kind: ReferenceKind;
  key?: string;
  text: string;
  /** null: all interfaces. */
  hostIp?: string | null;
  resolvedFrom?: ResolvedFrom;
  program?: string;
  /** Unset where the extractor cannot tell. */
  role?: ReferenceRole;
  /** A guide's or a commented-out line: what was, not what runs; its findings are info. */
  informational?: true;
}

/** Reported, never fatal. */
export interface ScanProblem {
  file: string;
  line?: number;
  column?: number;
  reason: string;
}

/** Why a file was not read. */
export type SkipReason = "binary" | "not-utf8" | "long-line" | "too-large" | "unreadable" | "not-a-file" | "link-out-of-tree" | "broken-link" | "git-repository";

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** The size, the system error code, what the path is. */
  detail?: string;
}

export interface ScanResult {
  references: PortReference[];
  /** Files read but not fully understood (invalid YAML), and scan roots that do not exist. */
  problems: ScanProblem[];
  /** Files not read, with the reason. */
  skipped: SkippedFile[];
  /** The files read, sorted. */
  read: string[];
}

export interface ScanOptions {
  roots?: readonly string[];
  /** Gitignore syntax, on top of .gitignore and the built-in skips. */
  ignore?: readonly string[];
  /** Globs (picomatch): when given, only the files one of them matches are read. */
  include?: readonly string[];
  /** Globs (picomatch): files none of these may match. */
  exclude?: readonly string[];
  /** Markdown guides are read too; their references are informational. */
  docs?: boolean;
}
