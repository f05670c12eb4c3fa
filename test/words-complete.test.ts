import { afterEach, describe, expect, it } from "vitest";
import { setLanguage, type Language } from "../src/findings/language.js";
import { diffWords } from "../src/words/diff-words.js";
import { docsWords } from "../src/words/docs-words.js";
import { explainWords } from "../src/words/explain-words.js";
import { exportWords } from "../src/words/export-words.js";
import { initWords } from "../src/words/init-words.js";
import { lintWords } from "../src/words/lint-words.js";
import { listWords } from "../src/words/list-words.js";
import { nextWords } from "../src/words/next-words.js";
import { reportWords } from "../src/words/report-words.js";
import { prometheusWords } from "../src/words/prometheus-words.js";
import { serveWords } from "../src/words/serve-words.js";
import { statusWords } from "../src/words/status-words.js";
import { HANGUL } from "./helpers/language-ways.js";

// Issue 18 item 2: every text of these parts has its Korean twin. The types make ko have en's keys; this checks what
// they cannot: that each Korean text is Korean where the English one has words, and that it says the same values.

const WORDS: Record<string, () => unknown> = {
  diff: diffWords,
  docs: docsWords,
  explain: explainWords,
  export: exportWords,
  init: initWords,
  lint: lintWords,
  list: listWords,
  next: nextWords,
  prometheus: prometheusWords,
  report: reportWords,
  serve: serveWords,
  status: statusWords,
};

/** An argument that picks a word (a severity) rather than being said itself. */
class Key {
  constructor(readonly value: string) {}
}

/** Arguments to call each text with: distinct values, so each is found again in the text it went into. */
const SAMPLES: Record<string, readonly (readonly unknown[])[]> = {
  "diff.title": [["origin/main"]],
  "diff.team": [["TEAMB", "Backend"], ["TEAMB", undefined]],
  "docs.created": [["docs/PORTS.md"]],
  "docs.unchanged": [["docs/PORTS.md", "tables, nodes"]],
  "docs.wrote": [["docs/PORTS.md", "tables, nodes"]],
  "explain.printedBy": [["GROUPTITLE"]],
  "export.unknownTarget": [["prometeus"]],
  "export.unknownFormat": [["yaml"]],
  "export.created": [["targets.json", 37]],
  "export.updated": [["targets.json", 37]],
  "export.unchanged": [["targets.json", 37]],
  "export.udpSkipped": [["dns.dev@box:8053/udp"]],
  "init.comments.foundIn": [["backend/.env:1 FASTAPI_PORT=8020"]],
  "init.more": [[37]],
  "init.proposed": [["macmini"]],
  "init.dryRun": [["starter.yaml", true], ["starter.yaml", false]],
  "init.written": [["starter.yaml", true, 37], ["starter.yaml", false, 0]],
  "lint.scan.skippedList": [[37]],
  "lint.scan.unmappedList": [[37]],
  "lint.scan.read": [[37, 53]],
  "lint.scan.reasonCount": [[37, "REASONTEXT"]],
  "lint.scan.skipped": [[37, ["REASONONE", "REASONTWO"]]],
  "lint.scan.unmapped": [[37]],
  "lint.fixes.wroteFile": [["backend/.env"]],
  "lint.fixes.suggested": [[37]],
  "lint.fixes.wrote": [[37]],
  "lint.fixes.writeApplies": [[37]],
  "lint.doubts.portFrom": [["compose/.env"]],
  "lint.doubts.browserToBackend": [["MinIO"]],
  "lint.doubts.notNamed": [["FastAPI"]],
  "lint.doubts.partlyRead": [["PROBLEMTEXT"]],
  "lint.doubts.publishedTwice": [[8020]],
  "next.noneLeft": [["TEAMB"]],
  "next.onlySome": [[37, 53, "TEAMB"]],
  "report.heading": [[new Key("error"), 37], [new Key("warning"), 37], [new Key("info"), 37]],
  "report.at": [["services[3].port"]],
  "report.see": [["ports.yaml:12:5"]],
  "report.andMore": [[37]],
  "report.rule": [["RULETEXT"]],
  "report.counts": [[{ errors: 37, warnings: 53, infos: 71, brief: false }]],
  "report.stopped": [["lint", undefined, 37], ["docs", "docs/PORTS.md", 37]],
  "report.registryLine": [[{ file: "ports.yaml", counts: "COUNTSTEXT", services: 37, ports: 53, reservations: 71, nodes: 97, excepted: 113 }]],
  "report.filesLine": [[{ files: 37, counts: "COUNTSTEXT", shown: ["backend/.env: ONETEXT"], more: 53 }]],
  "serve.listening": [["http://127.0.0.1:9097/", "macmini"]],
  "serve.stopped": [["SIGTERM", 37]],
  "serve.held": [[9097, "node (PID 37)"]],
  "serve.heldUnseen": [[9097]],
  "serve.registered": [[9097, "FastAPI (dev)", "macmini"]],
  "serve.noOwnPort": [["macmini"]],
  "serve.notAddress": [["localhost:9097"]],
  "serve.cannotListen": [["http://10.9.9.9:9097/", "REASONTEXT"]],
  "serve.reloadFailed": [["ports.yaml", "PROBLEMTEXT"]],
  "serve.reloaded": [["ports.yaml"]],
  "serve.page.title": [["macmini"]],
  "serve.page.registry": [["ports.yaml", "abc123"]],
  "serve.page.reloadFailed": [["PROBLEMTEXT"]],
  "status.thisMachine": [["macmini"]],
  "status.listeningOn": [["STATETEXT", ["127.0.0.1", "::1"]]],
  "status.summary": [[37, 53]],
  "status.fromPrometheus": [["STATETEXT", "AGETEXT"], ["STATETEXT", undefined]],
  "status.stale": [["AGETEXT", "LIMITTEXT"]],
  "prometheus.badSource": [["grafana"]],
  "prometheus.badUrl": [["ftp://x"]],
  "prometheus.offline": [["http://p:9090"]],
  "prometheus.unreachable": [["http://p:9090/api/v1/query", "ECONNREFUSED"]],
  "prometheus.timeout": [["http://p:9090/api/v1/query", 37]],
  "prometheus.http": [["http://p:9090/api/v1/query", 503, "DETAILTEXT"], ["http://p:9090/api/v1/query", 500, undefined]],
  "prometheus.notJson": [["http://p:9090/api/v1/query"]],
  "prometheus.failed": [["http://p:9090/api/v1/query", "DETAILTEXT"]],
  "prometheus.shape": [["http://p:9090/api/v1/query", "DETAILTEXT"]],
  // Under a second an age is `37 ms` in both languages, as doctor's probe times are.
  "prometheus.age": [[4000], [180_000]],
};

/** The Korean shows the word of the documents for a status, the English the value of ports.yaml: each one of the two. */
const ONE_OF = new Set(["status.declared"]);
SAMPLES["status.declared"] = [["running", "RUNNINGWORD"]];

/** Korean the same as English, on purpose: a command's name. */
const SAME = new Set(["explain.groups.doctor"]);

/** Korean with no word of its own, on purpose: the addresses a state was seen on go in parentheses after it. */
const NO_WORDS = new Set(["status.listeningOn"]);

/** Strings and numbers among the arguments, nested ones too. */
const values = (args: readonly unknown[]): string[] =>
  args.flatMap((a) =>
    typeof a === "string" || typeof a === "number" ? [String(a)] : Array.isArray(a) ? values(a) : typeof a === "object" && a !== null && !(a instanceof Key) ? values(Object.values(a)) : [],
  );

interface Text {
  path: string;
  en: string;
  ko: string;
  args: string[];
}

/** Every text of the two tables, side by side: strings as they are, functions called with their samples. */
function texts(path: string, en: unknown, ko: unknown): Text[] {
  if (typeof en === "string") return [{ path, en, ko: String(ko), args: [] }];
  if (typeof en === "function") {
    const samples = SAMPLES[path];
    if (samples === undefined) throw new Error(`${path}: give it arguments in SAMPLES`);
    return samples.map((args) => {
      const call = (f: unknown): string => (f as (...a: readonly unknown[]) => string)(...args.map((a) => (a instanceof Key ? a.value : a)));
      return { path, en: call(en), ko: call(ko), args: values(args) };
    });
  }
  if (Array.isArray(en)) {
    expect(Array.isArray(ko) ? ko.length : -1, path).toBe(en.length);
    return en.flatMap((item, i) => texts(`${path}[${i}]`, item, (ko as unknown[])[i]));
  }
  if (typeof en === "object" && en !== null) {
    expect(Object.keys(ko as object).sort(), path).toEqual(Object.keys(en).sort());
    return Object.entries(en).flatMap(([key, value]) => texts(`${path}.${key}`, value, (ko as Record<string, unknown>)[key]));
  }
  throw new Error(`${path}: not a text`);
}

const table = (words: () => unknown, language: Language): unknown => {
  setLanguage(language);
  return words();
};

const all = (): Text[] => Object.entries(WORDS).flatMap(([name, words]) => texts(name, table(words, "en"), table(words, "ko")));

/** A text without the values given to it. */
const bare = (text: string, args: readonly string[]): string => args.reduce((t, a) => t.replaceAll(a, ""), text);

afterEach(() => setLanguage("en"));

describe("the Korean twins of report, lint, explain, list, status, next, docs, init and diff", () => {
  it("are Korean wherever the English has words", () => {
    const checked = all();
    expect(checked.length).toBeGreaterThan(100);
    const notKorean = checked.filter((t) => /[A-Za-z]/.test(bare(t.en, t.args)) && !SAME.has(t.path) && !NO_WORDS.has(t.path) && !HANGUL.test(t.ko));
    expect(notKorean.map((t) => `${t.path}: ${t.ko}`)).toEqual([]);
    for (const path of SAME) expect(checked.find((t) => t.path === path)?.ko).toBe(checked.find((t) => t.path === path)?.en);
  });

  it("say every value the English says, and no other", () => {
    const differing = all()
      .filter((t) => !ONE_OF.has(t.path))
      .map((t) => ({ path: t.path, en: t.args.filter((a) => t.en.includes(a)), ko: t.args.filter((a) => t.ko.includes(a)) }))
      .filter((t) => t.en.join() !== t.ko.join());
    expect(differing).toEqual([]);
    const declared = all().find((t) => t.path === "status.declared");
    expect([declared?.en, declared?.ko]).toEqual(["running", "RUNNINGWORD"]);
  });

  it("has samples only for texts that exist, so a renamed one is not checked by name alone", () => {
    const paths = new Set(all().map((t) => t.path));
    expect(Object.keys(SAMPLES).filter((p) => !paths.has(p))).toEqual([]);
  });

  it("catches a Korean text left in English, and one that drops a value", () => {
    const left = texts("x", { a: "two errors" }, { a: "two errors" });
    expect(left.filter((t) => !HANGUL.test(t.ko))).toHaveLength(1);
    SAMPLES["x.f"] = [[37]];
    const dropped = texts("x", { f: (n: number) => `${n} files` }, { f: () => "파일" });
    delete SAMPLES["x.f"];
    expect(dropped[0]?.args.filter((a) => dropped[0]?.ko.includes(a))).toEqual([]);
  });
});
