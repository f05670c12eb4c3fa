export type ScannerKind =
  | "env"
  | "compose"
  | "package-json"
  | "procfile"
  | "dockerfile"
  | "shell"
  | "powershell"
  | "batch"
  | "nginx"
  | "caddy"
  | "yaml"
  | "makefile"
  | "js-source"
  | "python-source";

const NGINX_FOLDER = /(?:^|\/)(?:nginx|sites-available|sites-enabled|conf\.d)\//;

/** By the path relative to the scan root ("/" separators) or a base name; a YAML file is read as a manifest only if it is one. */
export function scannerFor(file: string): ScannerKind | undefined {
  const baseName = file.slice(file.lastIndexOf("/") + 1);
  if (baseName === ".env" || baseName.startsWith(".env.") || (baseName.endsWith(".env") && baseName.length > 4)) return "env";
  if (/^(?:docker-)?compose[^/]*\.ya?ml$/.test(baseName)) return "compose";
  if (baseName === "package.json") return "package-json";
  if (/^Procfile(?:\..+)?$/.test(baseName)) return "procfile";
  if (/^(?:Dockerfile|Containerfile)(?:\..+)?$|\.[Dd]ockerfile$/.test(baseName)) return "dockerfile";
  if (/\.(?:sh|bash)$/.test(baseName)) return "shell";
  if (/\.ps1$/i.test(baseName)) return "powershell";
  if (/\.(?:bat|cmd)$/i.test(baseName)) return "batch";
  if (baseName === "nginx.conf" || /\.nginx(?:\.conf)?$/.test(baseName) || (baseName.endsWith(".conf") && NGINX_FOLDER.test(file))) return "nginx";
  if (/^Caddyfile(?:\..+)?$|\.[Cc]addyfile$/.test(baseName)) return "caddy";
  if (/^(?:GNU)?[Mm]akefile$|\.mk$/.test(baseName)) return "makefile";
  if (/(?:^|\/)node_modules\//.test(file)) return undefined;
  if (/\.ya?ml$/.test(baseName)) return "yaml";
  if (/\.(?:[cm]?js|tsx?|jsx)$/.test(baseName) && !/\.d\.[cm]?ts$/.test(baseName)) return "js-source";
  if (/\.py$/.test(baseName)) return "python-source";
  return undefined;
}
