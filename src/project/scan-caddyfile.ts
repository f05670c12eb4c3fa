import type { PortReference, ScanProblem } from "./port-reference.js";
import { portNumber } from "./port-number.js";
import { textLines, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const SITE_LINE = /^\s*([^\s#{][^#{]*?)\s*\{\s*$/;
const REVERSE_PROXY = /^(\s*reverse_proxy\s+)([^#{]*)/;

function siteAddresses(words: string, at: number, site: FileSite, references: PortReference[]): void {
  for (const word of words.matchAll(/[^\s,]+/g)) {
    const text = word[0];
    const offset = at + word.index;
    if (text.startsWith(":")) {
      const port = portNumber(text.slice(1));
      if (port !== undefined) references.push({ file: site.file, ...site.position(offset + 1), offset: offset + 1, length: text.length - 1, port, kind: "caddy", key: "site", text: words.trim(), role: "listen" });
    } else {
      references.push(...valueReferences(text, offset, site, { key: "site", text: words.trim(), role: "listen" }));
    }
  }
}

/** Site addresses (`:8080`, `host:port`, `http://host:port`) are where Caddy listens; `reverse_proxy` upstreams where it goes. */
export function scanCaddyfile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "caddy" };
  const references: PortReference[] = [];
  let depth = 0;
  for (const { line, start } of textLines(text)) {
    const code = line.replace(/\s#.*$|^\s*#.*$/, "");
    const proxy = REVERSE_PROXY.exec(code);
    if (proxy !== null) {
      const upstreams = proxy[2] ?? "";
      for (const word of upstreams.matchAll(/\S+/g)) {
        if (word[0].startsWith("@") || word[0].startsWith("/")) continue;
        const bare = /^:(\d{1,5})$/.exec(word[0]);
        const offset = start + (proxy[1] ?? "").length + word.index;
        const port = bare === null ? undefined : portNumber(bare[1] ?? "");
        if (port !== undefined) references.push({ file, ...site.position(offset + 1), offset: offset + 1, length: word[0].length - 1, port, kind: "caddy", key: "reverse_proxy", text: code.trim(), role: "connect" });
        else references.push(...valueReferences(word[0], offset, site, { key: "reverse_proxy", text: code.trim(), role: "connect" }));
      }
    } else if (depth === 0) {
      const addresses = SITE_LINE.exec(code);
      if (addresses !== null) siteAddresses(addresses[1] ?? "", start + code.indexOf(addresses[1] ?? ""), site, references);
    }
    for (const c of code) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
    depth = Math.max(depth, 0);
  }
  return { references, problems: [] };
}
