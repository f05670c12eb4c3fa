// Apart from export.ts, so shell completion can offer them without loading the registry.

/** What `export` writes for; Prometheus alone today. */
export const EXPORT_TARGETS = ["prometheus"] as const;
/** Prometheus reads the same JSON from a file (file_sd) and from a URL (http_sd, what `serve` answers on /targets). */
export const SD_FORMATS = ["file_sd", "http_sd"] as const;
