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
  | "json"
  | "toml"
  | "ini"
  | "js-source"
  | "python-source"
  | "go-source"
  | "ruby-source"
  | "markdown";

/** Written by tools, not people: lockfiles, TypeScript's own settings, editor state; and the registry itself. */
const GENERATED = /^(?:ports\.ya?ml|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml|(?:ts|js)config(?:\..+)?\.json|.+\.min\.json)$/;
const EDITOR_FOLDER = /(?:^|\/)(?:\.vscode|\.idea)\//;
const NGINX_FOLDER = /(?:^|\/)(?:nginx|sites-available|sites-enabled|conf\.d)\//;

/** By the path relative to the scan root ("/" separators) or a base name; a YAML file is a Kubernetes manifest or a config. */
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
  if (/(?:^|\/)(?:node_modules|vendor)\//.test(file) || GENERATED.test(baseName) || EDITOR_FOLDER.test(file)) return undefined;
  if (/\.ya?ml$/.test(baseName)) return "yaml";
  if (/\.json$/.test(baseName)) return "json";
  if (/\.toml$/.test(baseName)) return "toml";
  if (/\.ini$/.test(baseName) || baseName === "locust.conf") return "ini";
  if (/\.(?:[cm]?js|tsx?|jsx)$/.test(baseName) && !/\.d\.[cm]?ts$/.test(baseName)) return "js-source";
  if (/\.py$/.test(baseName)) return "python-source";
  if (/\.go$/.test(baseName)) return "go-source";
  if (/\.(?:rb|rake)$/.test(baseName) || baseName === "config.ru") return "ruby-source";
  if (/\.(?:md|mdx|markdown)$/i.test(baseName)) return "markdown";
  return undefined;
}
