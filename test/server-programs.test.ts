import { describe, expect, it } from "vitest";
import { bindAllInterfacesFix } from "../src/fixes/bind-fix.js";
import { locateProgram } from "../src/programs/locate-program.js";
import { programName } from "../src/programs/program-name.js";
import { SERVER_PROGRAMS, type ServerProgram, type ServerProgramId } from "../src/programs/server-programs.js";
import { portsInCommand } from "../src/project/scan-command-line.js";

const ENTRIES = Object.entries(SERVER_PROGRAMS) as [ServerProgramId, ServerProgram][];

/** How a command line starts the program: by its first name (in a folder named after it), or as a Python module. */
function launcher(id: string, program: ServerProgram): string {
  const name = program.names[0] === undefined ? `python -m ${program.modules?.[0] ?? ""}` : `/opt/${id}/${program.names[0]}`;
  return [name, ...(program.subcommands?.slice(0, 1) ?? [])].join(" ");
}

describe("the server programs table", () => {
  it("names each program once, under one id", () => {
    const names = ENTRIES.flatMap(([, p]) => [...p.names, ...(p.titles ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(ENTRIES.filter(([, p]) => p.port.length > 0))("%s: the scan reads every port flag it lists", (id, program) => {
    for (const flag of program.port) {
      const command = `${launcher(id, program)} ${flag} 4321`;
      expect(portsInCommand(command).map((p) => `${p.program} ${p.port}`), command).toContain(`${id} 4321`);
    }
  });

  it.each(ENTRIES.filter(([, p]) => p.port.length > 0 && (p.host?.length ?? 0) > 0))("%s: the scan's host flags are those doctor rewrites", (id, program) => {
    for (const flag of program.host ?? []) {
      const command = `${launcher(id, program)} ${flag} 127.0.0.1 ${program.port[0] ?? ""} 4321`;
      expect(portsInCommand(command).find((p) => p.port === 4321)?.host, command).toBe("127.0.0.1");
      const fix = bindAllInterfacesFix(command, 4321);
      // A program doctor knows by name has its own option set; any other, the loopback value replaced.
      expect(fix.program, command).toBe(program.bindAll === undefined ? "unknown" : id);
      const rewritten = program.bindAll === "server-setting" ? "*" : "0.0.0.0";
      if (program.bindAll !== "environment") expect(fix.commands[0] ?? "", command).toContain(`${flag} ${rewritten === "*" ? "'*'" : rewritten}`);
    }
  });

  it("a bare port argument (http.server) and an address after a sub-command (runserver), read and rewritten alike", () => {
    expect(portsInCommand("python -m http.server --bind 127.0.0.1 8000")).toMatchObject([{ program: "http.server", port: 8000, host: "127.0.0.1" }]);
    expect(bindAllInterfacesFix("python -m http.server --bind 127.0.0.1 8000", 8000).commands).toEqual(["python -m http.server --bind 0.0.0.0 8000"]);
    expect(portsInCommand("./manage.py runserver_plus 127.0.0.1:8001")).toMatchObject([{ program: "runserver_plus", port: 8001, host: "127.0.0.1" }]);
    expect(bindAllInterfacesFix("./manage.py runserver_plus 127.0.0.1:8001", 8001).commands).toEqual(["./manage.py runserver_plus 0.0.0.0:8001"]);
  });
});

describe("wrappers and interpreters, one reading for the scan and for doctor", () => {
  it.each([
    "cross-env NODE_ENV=development next dev -p 3001",
    "nohup next dev -p 3001",
    "yarn dlx next dev -p 3001",
    "pnpm dlx next dev -p 3001",
    "npm exec -- next dev -p 3001",
    "sudo -u web next dev -p 3001",
    "env -u HOME PORT=1 next dev -p 3001",
    "./node_modules/.bin/next dev -p 3001",
    "node -r dotenv/config node_modules/next/dist/bin/next dev -p 3001",
    "npx next@14 dev -p 3001",
  ])("%s", (command) => {
    expect(locateProgram(command.split(" ")).known?.id).toBe("next");
    expect(portsInCommand(command).filter((p) => p.program === "next").map((p) => p.port)).toEqual([3001]);
    expect(bindAllInterfacesFix(command, 3001).commands[0]).toContain("-H 0.0.0.0 -p 3001");
  });

  it("python -m and interpreter names: every Python is python", () => {
    for (const python of ["python", "python3.12", "pythonw", "py", "pypy3", "/usr/bin/python3"]) {
      expect(programName(python)).toBe("python");
      expect(locateProgram([python, "-m", "uvicorn", "app:app"])).toMatchObject({ name: "uvicorn", at: 2, from: 3 });
    }
    expect(locateProgram(["python", "-X", "dev", "manage.py", "runserver"])).toMatchObject({ name: "django", at: 3 });
    expect(locateProgram(["python", "-c", "import x"]).known).toBeUndefined();
  });

  it("process titles and assignments", () => {
    expect(locateProgram(["puma", "6.4.2", "(tcp://127.0.0.1:3000)"])).toMatchObject({ name: "rails", title: true });
    expect(locateProgram(["PORT=1", "env", "A=2", "vite"])).toMatchObject({ name: "vite", at: 3, assignments: [0, 2] });
    expect(locateProgram(["PORT=1"])).toMatchObject({ name: "", assignments: [0] });
  });
});
