import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainMapped } from "../../src/command-line/mapped-text.js";
import { portsInArgv, portsInCommand, type CommandPort } from "../../src/project/scan-command-line.js";
import { scanPackageJson } from "../../src/project/scan-package-json.js";
import { scanProcfile } from "../../src/project/scan-procfile.js";
import { textPosition } from "../../src/util/text-position.js";
import { anyText, growthOver8x, isPort, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";

// The command-line scanner (src/project/scan-command-line.ts: package.json scripts, Procfiles, compose commands)
// reads ports out of shell command lines without running or expanding anything. It is documented never to throw.

/** The port a text names as the scanner reads ports: 1-5 digits, 1-65535. */
const portOf = (text: string): number | undefined => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);

/** Commands that pass a port to a program, `{P}` where the port goes. */
const TEMPLATES = [
  "next dev -p {P}",
  "next start --port {P} -H 0.0.0.0",
  "next dev --port={P}",
  "next dev -p{P}",
  "vite --port {P}",
  "vite preview --port={P} --host 100.64.0.1",
  "uvicorn app.main:app --host 0.0.0.0 --port {P}",
  "python -m http.server {P}",
  "python3 -m http.server {P} --bind 127.0.0.1",
  "PORT={P} node server.js",
  "npm start -- -p {P}",
  "npm run dev -- --port {P}",
  "flask run --port {P}",
  "python manage.py runserver 0.0.0.0:{P}",
  "gunicorn -b 0.0.0.0:{P} app:app",
  "php -S localhost:{P} -t public",
  "storybook dev -p {P}",
  "streamlit run app.py --server.port {P}",
  "API_URL=http://localhost:{P} next dev",
  "serve -l tcp://0.0.0.0:{P} dist",
];
const WRAPPERS = ["", "npx ", "env FOO=1 ", "cross-env NODE_ENV=development ", "nohup ", "time ", "dotenv -e .env -- "];
const NOISE = ["echo done", "rm -rf dist", "mkdir -p 3000", "docker run -p 8080:80 nginx", "tsc -w"];
const SEPARATORS = [" && ", " ; ", " | ", " || ", "\n", " & "];

const commandArb = fc
  .tuple(fc.constantFrom(...TEMPLATES), fc.constantFrom(...WRAPPERS), portText, fc.constantFrom(...NOISE), fc.constantFrom(...SEPARATORS), fc.boolean())
  .map(([template, wrapper, port, noise, separator, noiseFirst]) => {
    const command = wrapper + template.replace("{P}", port);
    return { port, command, text: noiseFirst ? `${noise}${separator}${command}` : `${command}${separator}${noise}` };
  });

/** The digits a port's span covers, with the shell's quotes, escapes and line continuations taken out. */
const digitsAt = (text: string, p: CommandPort): string => text.slice(p.offset, p.offset + p.length).replace(/\\\r?\n|[\\'"]/g, "");

function checkPorts(text: string, found: readonly CommandPort[]): void {
  for (const p of found) {
    expect(isPort(p.port)).toBe(true);
    expect(p.offset >= 0 && p.offset + p.length <= text.length).toBe(true);
    expect(Number(digitsAt(text, p))).toBe(p.port);
    expect(p.program).not.toBe("");
  }
}

const summary = (found: readonly CommandPort[]): string[] => found.map((p) => `${p.program} ${p.port} ${p.host ?? "-"}`);

describe("portsInCommand (fuzz)", () => {
  it("regression: a program written with a trailing slash is that program; a word of slashes is none", () => {
    expect(portsInCommand("tsc -w && vite/ --port 1")).toEqual([{ offset: 23, length: 1, port: 1, program: "vite" }]);
    expect(portsInCommand("/ --port 3")).toEqual([]);
  });

  it("never throws on arbitrary or mutated command lines; every port is 1-65535 and stands at its offset", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(commandArb.map((c) => c.text), 4)), (text) => {
        checkPorts(text, parsesOrThrowsTyped(() => portsInCommand(text)) ?? []);
      }),
      runs(1000),
    );
  });

  it("finds the port each program is given, and none when the value is not a port", () => {
    fc.assert(
      fc.property(commandArb, ({ port, command, text }) => {
        const found = portsInCommand(text);
        checkPorts(text, found);
        const at = text.indexOf(command);
        const inCommand = found.filter((p) => p.offset >= at && p.offset < at + command.length);
        const expected = portOf(port);
        if (expected !== undefined) expect(inCommand.map((p) => p.port)).toContain(expected);
        // A value that is not a port names none; one with a space or a list separator (`8,000`) may leave a
        // valid port behind (`8`), as a shell or a comma list would read it.
        else if (/^[\w.+-]*$/.test(port)) expect(inCommand).toEqual([]);
      }),
      runs(800),
    );
  });

  it("reads the same ports with other spacing between words, and inside sh -c '...' or concurrently \"...\"", () => {
    const gaps = fc.array(fc.constantFrom(" ", "  ", "\t", " \t  "), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(commandArb, gaps, fc.constantFrom("sh -c '{C}'", 'concurrently "{C}" "tsc -w"', "bash -lc '{C}'"), ({ text }, spaces, shell) => {
        let i = 0;
        const respaced = text.replace(/ +/g, () => spaces[i++ % spaces.length] ?? " ");
        expect(summary(portsInCommand(respaced))).toEqual(summary(portsInCommand(text)));
        if (!/['"\n]/.test(text)) {
          const wrapped = shell.replace("{C}", text);
          expect(portsInCommand(wrapped).map((p) => p.port).sort()).toEqual(portsInCommand(text).map((p) => p.port).sort());
        }
      }),
      runs(400),
    );
  });

  it("reads a command given as words (compose `command: [...]`) as the same command line", () => {
    fc.assert(
      fc.property(commandArb, ({ command }) => {
        const words = command.split(" ").filter((w) => w !== "");
        let offset = 0;
        const mapped = words.map((w) => {
          const m = plainMapped(w, offset);
          offset += w.length + 1;
          return m;
        });
        const found = parsesOrThrowsTyped(() => portsInArgv(mapped)) ?? [];
        for (const p of found) expect(isPort(p.port)).toBe(true);
        if (!/[\s'"\\#;&|()<>]/.test(command)) expect(found.map((p) => p.port)).toEqual(portsInCommand(words.join(" ")).map((p) => p.port));
      }),
      runs(400),
    );
  });

  // A ratio of times: a busy machine can spoil one measurement; quadratic work fails every try.
  it("regression: thousands of `--` after a package manager do not overflow the stack or take quadratic time", { retry: 2 }, () => {
    const text = `npm start ${"-- ".repeat(50_000)}-p 3000`;
    const found = parsesOrThrowsTyped(() => portsInCommand(text)) ?? [];
    expect(found.map((p) => p.port)).toEqual([3000]);
    // Linear work measures about 7 alone; in a loaded suite the collector's share of the larger run
    // lifts it to 25-35 on Node 26. Quadratic work is 64 and more.
    expect(growthOver8x((n) => portsInCommand(`npm start ${"-- ".repeat(n)}-p 3000`), 20_000)).toBeLessThan(48);
  });

  it("regression: a line of tens of thousands of ports is read in linear time (the duplicate check was quadratic)", { retry: 2 }, () => {
    const text = `next ${"-p 3000 ".repeat(40_000)}`;
    expect(parsesOrThrowsTyped(() => portsInCommand(text))).toHaveLength(40_000);
    expect(growthOver8x((n) => portsInCommand(`next ${"-p 3000 ".repeat(n)}`), 5_000)).toBeLessThan(24);
  });

  it("regression: `npm start -- -- -p 3001` still hands -p to the script after a second `--`", () => {
    expect(portsInCommand("npm start -- -- -p 3001").map((p) => p.port)).toEqual([3001]);
  });
});

describe("scanPackageJson (fuzz)", () => {
  const scripts = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), commandArb.map((c) => c.text), { maxKeys: 4 });
  const packageJson = fc.tuple(scripts, fc.constantFrom(0, 2, "\t", "    "), fc.boolean()).map(([s, indent, bom]) => `${bom ? "\uFEFF" : ""}${JSON.stringify({ name: "x", scripts: s }, null, indent)}\n`);

  it("never throws on arbitrary, mutated or generated package.json text; each port stands at its line and column", () => {
    fc.assert(
      fc.property(fc.oneof(packageJson, mutated(packageJson, 3), fc.json().map(String), anyText), (text) => {
        const result = parsesOrThrowsTyped(() => scanPackageJson(text, "package.json"));
        const position = textPosition(text);
        for (const r of result?.references ?? []) {
          expect(isPort(r.port)).toBe(true);
          expect(r.offset >= 0 && r.offset + r.length <= text.length).toBe(true);
          expect({ line: r.line, column: r.column }).toEqual(position(r.offset));
        }
      }),
      runs(500),
    );
  });

  it("finds in each script the ports the command scanner finds in the command", () => {
    fc.assert(
      fc.property(scripts, fc.constantFrom(0, 2, "\t"), (s, indent) => {
        const text = JSON.stringify({ scripts: s }, null, indent);
        const { references, problems } = scanPackageJson(text, "package.json");
        expect(problems).toEqual([]);
        const expected = Object.entries(s).flatMap(([name, command]) => portsInCommand(command).map((p) => `${name} ${p.port}`));
        expect(references.map((r) => `${r.key ?? ""} ${r.port}`).sort()).toEqual(expected.sort());
        // Escapes aside (JSON writes no digit escaped), the digits stand in the JSON text.
        for (const r of references) expect(Number(text.slice(r.offset, r.offset + r.length).replace(/\\[nt"\\]|['"\\]/g, ""))).toBe(r.port);
      }),
      runs(300),
    );
  });
});

describe("scanProcfile (fuzz)", () => {
  it("never throws; finds each process's port at its line and column", () => {
    const procfile = fc
      .array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/), commandArb.map((c) => c.text.replace(/\n/g, " ; "))), { maxLength: 4 })
      .map((lines) => lines.map(([name, command]) => `${name}: ${command}`).join("\n"));
    fc.assert(
      fc.property(fc.oneof(procfile, mutated(procfile, 3), anyText), (text) => {
        const result = parsesOrThrowsTyped(() => scanProcfile(text, "Procfile"));
        const position = textPosition(text);
        for (const r of result?.references ?? []) {
          expect(isPort(r.port)).toBe(true);
          expect({ line: r.line, column: r.column }).toEqual(position(r.offset));
        }
        for (const p of result?.problems ?? []) expect(Number.isInteger(p.line) && (p.line ?? 0) >= 1).toBe(true);
      }),
      runs(500),
    );
  });
});
