import path from "node:path";
import stringWidth from "string-width";
import type { Language } from "../findings/language.js";
import type { RegistryModel } from "../registry/model.js";
import { groupBySection, nodeText, WORDS, type TableWords } from "./sections.js";

const cell = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function table(header: readonly string[], rows: readonly (readonly string[])[], rule: TableWords["docs"]["rule"]): string[] {
  const dashes = (h: string): string => (rule === "short" ? "---" : "-".repeat(stringWidth(h) + 2));
  return [`| ${header.join(" | ")} |`, `|${header.map(dashes).join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

/** The heading a block sits under: its level (0 under none) and its number (`2` for `## 2. 포트 할당 표`), if it has one. */
export interface HeadingContext {
  level: number;
  number: string | undefined;
}

export interface DocsRendering {
  /** What a block may be named: `tables`, `section:ID` for each section, `reservations`, `ranges`, `environments`, `nodes`. */
  names: readonly string[];
  /**
   * The lines of a block; the unnamed one ("") is the whole document. The headings of `tables` go one level below
   * the heading the block sits under, and are numbered under it when it has a number (`### 2.1 ...`), else 1., 2., ...
   */
  block(name: string, under: HeadingContext): string[] | undefined;
  /** The whole document between an unnamed pair of markers: what `docs` prints, and `docs --write` creates. */
  document: string;
}

const BEGIN_DOCUMENT = "<!-- sparkport:begin -->";
const END_MARKER = "<!-- sparkport:end -->";

/** Deterministic, so `lint --docs` can compare it with the blocks of a checked-in file. */
export function renderDocs(model: RegistryModel, lang: Language): DocsRendering {
  const { data } = model;
  const words = WORDS[lang];
  const { docs } = words;
  const sections = groupBySection(model, model.allocations, lang);
  const reservations = data.reservations ?? [];
  const declared = (data.sections ?? []).map((s) => s.id);
  const sectionIds = [...new Set([...declared, ...sections.map((s) => s.id)])];

  const sectionTable = (id: string): string[] =>
    table(
      docs.serviceColumns,
      (sections.find((s) => s.id === id)?.allocations ?? []).map((a) => [
        `**${a.label}**`,
        String(a.port),
        a.protocol.toUpperCase(),
        nodeText(model, a.node),
        words.access[a.access],
        words.status[a.status],
        [a.note ?? "", a.service.locked === true ? (words.locked ?? "") : ""].filter((t) => t !== "").join("; "),
      ]),
      docs.rule,
    );
  const reservationTable = (): string[] =>
    table(docs.reservationColumns, reservations.map((r) => [`**${r.label ?? r.name}**`, String(r.port), r.purpose, words.priority[r.priority]]), docs.rule);
  const rangeTable = (): string[] =>
    table(
      docs.rangeColumns,
      Object.entries(data.teams).flatMap(([id, team]) =>
        team.ranges.map((r) => [`${id} (${team.name})`, `${r.from}-${r.to}`, `${r.purpose ?? r.name}${r.summary === true ? docs.summaryRange : ""}`]),
      ),
      docs.rule,
    );
  const environmentTable = (): string[] =>
    table(docs.environmentColumns, Object.entries(data.environments).map(([id, e]) => [id, e.offset === 0 ? docs.basePort : docs.offsetPort(e.offset)]), docs.rule);
  const nodeTable = (): string[] =>
    table(docs.nodeColumns, Object.entries(data.nodes).map(([id, n]) => [n.label ?? id, n.address, n.os, n.role ?? ""]), docs.rule);

  const tables = (under: HeadingContext): string[] => {
    const level = "#".repeat(Math.min(6, (under.level === 0 ? 2 : under.level) + 1));
    const heading = (i: number, title: string): string => `${level} ${under.number === undefined ? `${i + 1}.` : `${under.number}.${i + 1}`} ${title}`;
    const lines = sections.flatMap((s, i) => ["", heading(i, s.title), "", ...sectionTable(s.id)]);
    if (reservations.length > 0) lines.push("", heading(sections.length, docs.reservations), "", ...reservationTable());
    return lines.slice(1);
  };

  const whole = (): string[] => [
    docs.generated(path.basename(model.registry.file)),
    "",
    `# ${docs.title(data.project)}`,
    "",
    `## ${docs.tables}`,
    "",
    ...tables({ level: 2, number: undefined }),
    "",
    `## ${docs.ranges}`,
    "",
    ...rangeTable(),
    "",
    `## ${docs.environments}`,
    "",
    ...environmentTable(),
    "",
    `## ${docs.nodes}`,
    "",
    ...nodeTable(),
  ];

  const fixed: Record<string, () => string[]> = { reservations: reservationTable, ranges: rangeTable, environments: environmentTable, nodes: nodeTable };
  return {
    names: ["tables", ...sectionIds.map((id) => `section:${id}`), ...Object.keys(fixed)],
    block(name, under) {
      if (name === "") return whole();
      if (name === "tables") return tables(under);
      if (name.startsWith("section:") && sectionIds.includes(name.slice("section:".length))) return sectionTable(name.slice("section:".length));
      return Object.hasOwn(fixed, name) ? fixed[name]?.() : undefined;
    },
    document: `${[BEGIN_DOCUMENT, "", ...whole(), "", END_MARKER].join("\n")}\n`,
  };
}
