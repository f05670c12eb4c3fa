// Apart from the schema, so shell completion can offer them without loading zod.

export const ACCESS_SCOPES = [
  "all-nodes",
  "backend-only",
  "developers-browser",
  "test-only",
  "staging-only",
  "preview-only",
] as const;

export const SERVICE_STATUSES = ["running", "stopped", "in-development", "reserved", "planned"] as const;
export const PROTOCOLS = ["tcp", "http", "https", "udp"] as const;
export const OPERATING_SYSTEMS = ["macos", "windows", "linux"] as const;
export const PRIORITIES = ["high", "medium", "low"] as const;
