import { describe, expect, it } from "vitest";
import { josa } from "../src/findings/josa.js";
import { messages, type Code } from "../src/findings/messages.js";
import { ADDRESS_REASONS_KO, messagesKo, READ_REASONS_KO, type KoreanMessages } from "../src/findings/messages-ko.js";
import { ADDRESS_REASONS, READ_REASONS } from "../src/findings/messages.js";

type Text = ((args: never) => string) | undefined;

// Member names of the values themselves (a.owners.map, a.known.length), not fields of the arguments.
const builtIn = (name: string): boolean => name in Array.prototype || name in String.prototype;

/** The argument fields a text reads, with the path to each nested one: `a.nearest.node` gives nearest and nearest.node. */
function fieldsRead(...texts: Text[]): Set<string> {
  const fields = new Set<string>();
  for (const text of texts) {
    if (text === undefined) continue;
    const source = text.toString();
    const parameter = /^\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(source)?.[1];
    if (parameter === undefined) continue;
    for (const match of source.matchAll(new RegExp(`(?<![\\w$.])${parameter}((?:\\??\\.[A-Za-z_$][\\w$]*)+)`, "g"))) {
      const path = (match[1] ?? "").replaceAll("?", "").split(".").slice(1);
      const own = path.findIndex((name, i) => i > 0 && builtIn(name));
      const fieldPath = own < 0 ? path : path.slice(0, own);
      fieldPath.forEach((_, i) => fields.add(fieldPath.slice(0, i + 1).join(".")));
    }
  }
  return fields;
}

const codes = Object.keys(messages) as Code[];
const sorted = (set: Set<string>): string[] => [...set].sort();

describe("the Korean table (issue 18 item 3)", () => {
  it("has every code of the English table and no other, each with a Korean explanation", () => {
    expect(Object.keys(messagesKo).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(messagesKo[code].explain, code).toMatch(/[\uac00-\ud7a3]/);
  });

  it("has a fix exactly where the English table has one", () => {
    for (const code of codes) expect(messagesKo[code].fix === undefined, code).toBe(messages[code].fix === undefined);
  });

  it("reads, for every code, the same argument fields in its message and fix as the English text does", () => {
    const differing = codes
      .map((code) => ({ code, en: sorted(fieldsRead(messages[code].message, messages[code].fix)), ko: sorted(fieldsRead(messagesKo[code].message, messagesKo[code].fix)) }))
      .filter(({ en, ko }) => en.join() !== ko.join());
    expect(differing).toEqual([]);
    // The comparison sees what it must: ports, nested fields, and a field only a fix reads.
    expect(sorted(fieldsRead(messages["scan-unknown-address"].message, messages["scan-unknown-address"].fix))).toEqual(["host", "nearest", "nearest.address", "nearest.node", "text", "write"]);
    expect(sorted(fieldsRead(messagesKo["port-bind-denied"].message, messagesKo["port-bind-denied"].fix))).toEqual(["addresses", "port"]);
    expect(fieldsRead(messagesKo["tailscale-userspace"].message).size).toBe(0);
  });

  it("tells a text that drops a port from one that keeps it", () => {
    const english = (a: { port: number; node: string }): string => `port ${a.port} on ${a.node}`;
    const dropsPort = (a: { port: number; node: string }): string => `${a.node} 노드의 포트`;
    const keepsPort = (args: { port: number; node: string }): string => `${args.node} 노드의 ${args.port} 포트`;
    expect(sorted(fieldsRead(dropsPort))).not.toEqual(sorted(fieldsRead(english)));
    expect(sorted(fieldsRead(keepsPort))).toEqual(sorted(fieldsRead(english)));
  });

  it("twins the small tables with the same keys", () => {
    expect(Object.keys(ADDRESS_REASONS_KO).sort()).toEqual(Object.keys(ADDRESS_REASONS).sort());
    expect(Object.keys(READ_REASONS_KO).sort()).toEqual(Object.keys(READ_REASONS).sort());
  });

  it("lets the type system refuse a missing or extra code, a missing or extra fix, and other arguments", () => {
    const { "duplicate-port": _dropped, ...withoutOne } = messagesKo;
    // @ts-expect-error a code missing from the Korean table
    const missing: KoreanMessages = withoutOne;
    // @ts-expect-error a code the English table does not have
    const extra: KoreanMessages = { ...messagesKo, "no-such-code": { explain: "", message: () => "" } };
    // @ts-expect-error duplicate-port has a fix in English
    const noFix: KoreanMessages = { ...messagesKo, "duplicate-port": { explain: "", message: () => "" } };
    // @ts-expect-error tailscale-missing has no fix in English
    const fixTooMany: KoreanMessages = { ...messagesKo, "tailscale-missing": { explain: "", message: () => "", fix: () => "" } };
    // @ts-expect-error invalid-range's arguments have no `owner`
    const otherArgs: KoreanMessages = { ...messagesKo, "invalid-range": { explain: "", message: (a) => a.owner, fix: () => "" } };
    expect([missing, extra, noFix, fixTooMany, otherArgs].every((table) => typeof table === "object")).toBe(true);
  });
});

describe("Korean particles after names, ports and codes", () => {
  it("follow the last sound as Korean reads it", () => {
    const cases: [string, string][] = [
      ["8000", "8000을"],
      ["5432", "5432를"],
      ["127.0.0.1", "127.0.0.1을"],
      ["FastAPI (dev)", "FastAPI (dev)를"],
      ["8001 (FastAPI (test))", "8001 (FastAPI (test))을"],
      ["desktop", "desktop을"],
      ["macmini", "macmini를"],
      ["PostgreSQL", "PostgreSQL을"],
      ["one", "one을"],
      ["node", "node를"],
      ["중지됨(stopped)", "중지됨(stopped)을"],
      ["포트", "포트를"],
    ];
    for (const [word, expected] of cases) expect(josa(word, "을/를")).toBe(expected);
    expect(josa("5432:5432", "으로/로")).toBe("5432:5432로");
    expect(josa("file", "으로/로")).toBe("file로");
    expect(josa("main", "으로/로")).toBe("main으로");
    // Unknown sound: both forms, as Korean software writes them.
    expect(josa("::", "이/가")).toBe("::이(가)");
  });
});
