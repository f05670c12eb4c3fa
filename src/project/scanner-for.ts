export type ScannerKind = "env" | "compose" | "package-json" | "procfile";

export function scannerFor(baseName: string): ScannerKind | undefined {
  if (baseName === ".env" || baseName.startsWith(".env.") || (baseName.endsWith(".env") && baseName.length > 4)) return "env";
  if (/^(?:docker-)?compose[^/]*\.ya?ml$/.test(baseName)) return "compose";
  if (baseName === "package.json") return "package-json";
  if (/^Procfile(?:\..+)?$/.test(baseName)) return "procfile";
  return undefined;
}
