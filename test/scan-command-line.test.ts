import { describe, expect, it } from "vitest";
import { plainMapped } from "../src/command-line/mapped-text.js";
import type { PortReference } from "../src/project/port-reference.js";
import { portsInArgv, portsInCommand } from "../src/project/scan-command-line.js";
import { scanPackageJson } from "../src/project/scan-package-json.js";
import { scanProcfile } from "../src/project/scan-procfile.js";

/** `program port@offset [host]`, checked against the digits at that offset. */
function read(command: string): string[] {
  return portsInCommand(command).map((p) => {
    expect(command.slice(p.offset, p.offset + p.length)).toBe(String(p.port));
    return `${p.program} ${p.port}@${p.offset}${p.host === undefined ? "" : ` ${p.host}`}`;
  });
}

describe("portsInCommand", () => {
  it.each([
    ["next dev -p 3001", ["next 3001@12"]],
    ["next start -p 3001", ["next 3001@14"]],
    ["next dev --port 3001 -H 0.0.0.0", ["next 3001@16 0.0.0.0"]],
    ["next dev -p3001", ["next 3001@11"]],
    ["vite --port 5173", ["vite 5173@12"]],
    ["vite preview --port=4173 --host 100.64.0.1", ["vite 4173@20 100.64.0.1"]],
    ["uvicorn app.main:app --host 0.0.0.0 --port 8000", ["uvicorn 8000@43 0.0.0.0"]],
    ["python -m http.server 8000", ["http.server 8000@22"]],
    ["python3 -m http.server 8000 --bind 127.0.0.1", ["http.server 8000@23 127.0.0.1"]],
    ["python3.12 -u -m http.server --bind ::1 -d public 8002", ["http.server 8002@50 ::1"]],
    ["python -m uvicorn main:app --port=9000", ["uvicorn 9000@34"]],
    ["node server.js --port=8000", ["node 8000@22"]],
    ["PORT=3000 node server.js", ["PORT= 3000@5"]],
    ["PORT=3000 next dev -p 3001", ["PORT= 3000@5", "next 3001@22"]],
    ["cross-env NODE_ENV=development VITE_PORT=5174 vite", ["VITE_PORT= 5174@41"]],
    ["API_URL=http://localhost:8000 next dev", ["API_URL= 8000@25 localhost"]],
    ["export PORT=4000 && node index.js", ["PORT= 4000@12"]],
    ["flask run --port 5000 --host 0.0.0.0", ["flask 5000@17 0.0.0.0"]],
    ["flask --app hello run -p 5001", ["flask 5001@25"]],
    ["python manage.py runserver 0.0.0.0:8000", ["runserver 8000@35 0.0.0.0"]],
    ["./manage.py runserver --noreload 8001", ["runserver 8001@33"]],
    ["python -m django runserver [::]:8002", ["runserver 8002@32 ::"]],
    ["storybook dev -p 6006", ["storybook 6006@17"]],
    ["npm start -- -p 3001", ["npm 3001@16"]],
    ["npm run dev -- --port 3002", ["npm 3002@22"]],
    ["npx next dev -p 3003 && echo done", ["next 3003@16"]],
    ["./node_modules/.bin/next start -p 3004", ["next 3004@34"]],
    ["node node_modules/next/dist/bin/next dev -p 3005", ["next 3005@44"]],
    ['concurrently "next dev -p 3000" "vite --port 5173"', ["next 3000@26", "vite 5173@45"]],
    ["sh -c 'PORT=1234 exec node x'", ["PORT= 1234@12"]],
    ["gunicorn -b 0.0.0.0:8000 app:app", ["gunicorn 8000@20 0.0.0.0"]],
    ["gunicorn --bind=:8001 app:app", ["gunicorn 8001@17"]],
    ["php -S localhost:8080 -t public", ["php 8080@17 localhost"]],
    ["serve -l tcp://0.0.0.0:5000 dist", ["serve 5000@23 0.0.0.0"]],
    ["poetry run uvicorn api:app --port 8010", ["uvicorn 8010@34"]],
    ["dotenv -e .env.local -- next dev -p 3006", ["next 3006@36"]],
    ["streamlit run app.py --server.port 8501", ["streamlit 8501@35"]],
    ["next dev -p 3000 # -p 4000", ["next 3000@12"]],
    ["next \\\n  dev -p 3007", ["next 3007@16"]],
  ])("%s", (command, expected) => {
    expect(read(command)).toEqual(expected);
  });

  it.each([
    "docker run -p 8080:80 nginx",
    "mkdir -p 3000",
    "echo 3000",
    "next dev -p $PORT",
    "next dev --port 0",
    "vite --port 70000",
    "vite -p 5173",
    "python script.py 8000",
    "python -m http.server --bind 0.0.0.0",
    "",
    "'unterminated next dev -p 3000",
  ])("%s names no port", (command) => {
    expect(read(command)).toEqual([]);
  });

  it("maps positions through a mapped text and reads a command given as words", () => {
    expect(portsInCommand(plainMapped("vite --port 5173", 100)).map((p) => p.offset)).toEqual([112]);
    const words = ["python", "-m", "http.server", "8081"].map((w, i) => plainMapped(w, i * 10));
    expect(portsInArgv(words)).toEqual([{ offset: 30, length: 4, port: 8081, program: "http.server" }]);
  });
});

const brief = (r: PortReference): string => `${r.line}:${r.column} ${r.kind} ${r.key ?? ""} ${r.program ?? ""} ${r.port}`;

describe("scanPackageJson", () => {
  it("reads the scripts with exact positions, escapes included", () => {
    const text = `{
  "name": "web",
  "config": { "scripts": { "fake": "next dev -p 9999" } },
  "scripts": {
    "dev": "next dev -p 3000",
    "quoted": "sh -c \\"PORT=3001 node s.js\\"",
    "esc\\u0061ped": "vite --port \\u0035173",
    "nested": { "not": "a string" },
    "tab":\t"vite\\t--port 5174"
  },
  "devDependencies": { "next": "15.0.0" }
}
`;
    const { references, problems } = scanPackageJson(text, "web/package.json");
    expect(problems).toEqual([]);
    expect(references.map(brief)).toEqual([
      "5:25 script dev next 3000",
      "6:29 script quoted PORT= 3001",
      "7:34 script escaped vite 5173",
      "9:26 script tab vite 5174",
    ]);
    expect(references.map((r) => text.slice(r.offset, r.offset + r.length))).toEqual(["3000", "3001", "\\u0035173", "5174"]);
    expect(references[1]?.text).toBe('sh -c "PORT=3001 node s.js"');
  });

  it("reports invalid JSON with its position", () => {
    const { references, problems } = scanPackageJson('{\n  "scripts": {\n    "dev": "next dev -p 3000",\n  }\n}\n', "package.json");
    expect(references).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "package.json", line: 4, column: 3 });
    expect(problems[0]?.reason).toMatch(/^invalid JSON: /);
  });

  it.each([["[]"], ['"scripts"'], ['{"scripts": "next dev -p 3000"}'], ['{"scripts": ["next dev -p 3000"]}'], ["\uFEFF{}"]])("%s gives nothing", (text) => {
    expect(scanPackageJson(text, "package.json")).toEqual({ references: [], problems: [] });
  });
});

describe("scanProcfile", () => {
  it("reads each process's command, and reports lines that are not processes", () => {
    const text = "# processes\r\nweb: python -m http.server 8000\r\nworker:celery -A app worker\r\napi:   uvicorn app:app --port 8001 \r\nnot a process\r\n";
    const { references, problems } = scanProcfile(text, "Procfile");
    expect(references.map(brief)).toEqual(["2:28 procfile web http.server 8000", "4:31 procfile api uvicorn 8001"]);
    expect(references.map((r) => r.text)).toEqual(["python -m http.server 8000", "uvicorn app:app --port 8001"]);
    expect(problems).toEqual([{ file: "Procfile", line: 5, column: 1, reason: "not a `name: command` line" }]);
  });
});
