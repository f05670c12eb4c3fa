/** Apart from the reporters so the CLI can list them without loading any. */
export const REPORTER_NAMES = ["text", "json", "github"] as const;

export type ReporterName = (typeof REPORTER_NAMES)[number];

export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}
