import type { PortReference, ScanProblem } from "./port-reference.js";
import { portNumber } from "./port-number.js";
import { textLines, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const DIRECTIVE = /^(\s*)(listen|proxy_pass|server|fastcgi_pass|grpc_pass|uwsgi_pass)\s+([^;#]*)/;
/** `80`, `127.0.0.1:8080`, `[::]:443`, `*:80`, `localhost:8080`. */
const LISTEN = /^(?:(\[[^\]]*\]|[^\s:]+):)?(\d{1,5})$/;

/** `listen` is the server's own port; `proxy_pass`, `*_pass` and an upstream's `server` name where it goes. */
export function scanNginxConf(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "nginx" };
  const references: PortReference[] = [];
  for (const { line, start } of textLines(text)) {
    const match = DIRECTIVE.exec(line);
    if (match === null) continue;
    const name = match[2] ?? "";
    const args = match[3] ?? "";
    const at = start + (match[1] ?? "").length + match[0].length - (match[1] ?? "").length - args.length;
    const statement = `${name} ${args.trim()}`;
    if (name === "listen") {
      const word = /^\S+/.exec(args)?.[0] ?? "";
      const parsed = LISTEN.exec(word);
      const digits = parsed?.[2];
      const port = digits === undefined ? undefined : portNumber(digits);
      if (port === undefined || digits === undefined) continue;
      const host = (parsed?.[1] ?? "").replace(/^\[|\]$/g, "");
      const offset = at + word.length - digits.length;
      references.push({ file, ...site.position(offset), offset, length: digits.length, port, ...(host === "" || host === "*" ? {} : { host }), kind: "nginx", key: name, text: statement, role: "listen" });
    } else if (name !== "server" || /^\s*[^\s{]+:\d/.test(args)) {
      // `server` is also the block that opens a virtual host (`server {`); only an upstream's `server host:port;` counts.
      const first = /^\S+/.exec(args)?.[0] ?? "";
      references.push(...valueReferences(first, at, site, { key: name, text: statement, role: "connect" }));
    }
  }
  return { references, problems: [] };
}
