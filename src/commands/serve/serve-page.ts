import { escapeHtml } from "../../render/escape-html.js";
import { serveWords } from "../../words/serve-words.js";
import type { NodeObservation } from "./node-observation.js";

export interface PageInput {
  node: string;
  registryFile: string;
  sha: string;
  reloadError: string | null;
  observation: NodeObservation;
}

/** A plain page of this node's registered ports and what the socket table shows on each; every value escaped. */
export function servePage(input: PageInput): string {
  const w = serveWords().page;
  const cell = (text: string): string => `<td>${escapeHtml(text)}</td>`;
  const rows = input.observation.ports.map((p) =>
    [
      "<tr>",
      cell(p.service),
      cell(p.environment),
      cell(String(p.port)),
      cell(p.protocol),
      cell(p.status),
      cell(p.listening ? w.yes : w.no),
      cell(p.scopes.length === 0 ? w.none : p.scopes.join(", ")),
      cell(p.holders.length === 0 ? w.none : p.holders.map((h) => [h.program, h.pid === "" ? "" : `(PID ${h.pid})`].filter((t) => t !== "").join(" ")).join(", ")),
      "</tr>",
    ].join(""),
  );
  const title = escapeHtml(w.title(input.node));
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}</style>",
    "</head><body>",
    `<h1>${title}</h1>`,
    `<p>${escapeHtml(w.registry(input.registryFile, input.sha))}</p>`,
    ...(input.reloadError === null ? [] : [`<p><strong>${escapeHtml(w.reloadFailed(input.reloadError))}</strong></p>`]),
    `<table><thead><tr>${w.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody></table>`,
    '<p><a href="/metrics">/metrics</a> · <a href="/targets">/targets</a></p>',
    "</body></html>",
    "",
  ].join("\n");
}
