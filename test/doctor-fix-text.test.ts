import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bindAllInterfacesFix } from "../src/fixes/bind-fix.js";
import { joinCommandLine, quoteArg } from "../src/command-line/quote-command-line.js";
import { splitCommandLine } from "../src/command-line/split-command-line.js";
import { dockerLoopbackFix } from "../src/fixes/docker-loopback-fix.js";
import { excludedPortFix } from "../src/fixes/excluded-port-fix.js";
import { firewallFix } from "../src/fixes/firewall-fix.js";
import type { BindProgram, FixOs, FixText } from "../src/fixes/fix-text.js";
import { fixWords } from "../src/words/fix-words.js";
import { privilegedPortFix } from "../src/fixes/privileged-port-fix.js";
import { stopProcessFix } from "../src/fixes/stop-process-fix.js";
import { tailscaleFix } from "../src/fixes/tailscale-fix.js";
import { skipping } from "./helpers/skip-reason.js";

const OSES: readonly FixOs[] = ["macos", "windows", "linux"];

describe("stopProcessFix", () => {
  it("macOS: lsof for exactly that listening port, then kill, then kill -9", () => {
    const fix = stopProcessFix("macos", 1234, 8000, "node");
    expect(fix.commands).toEqual(["lsof -nP -iTCP:8000 -sTCP:LISTEN", "kill 1234", "kill -9 1234"]);
    expect(fix.summary).toContain("node (PID 1234) holds port 8000");
    expect(fix.summary).toContain("sparkport never stops a process itself");
  });

  it("Linux: ss filtered on the source port, then kill, then kill -9", () => {
    expect(stopProcessFix("linux", 42, 5432).commands).toEqual(["ss -ltnp 'sport = :5432'", "kill 42", "kill -9 42"]);
    expect(stopProcessFix("linux", 42, 5432).summary).toContain("PID 42 holds port 5432");
  });

  it("Windows: Get-NetTCPConnection (exact port), taskkill, then taskkill /F, and says why not findstr", () => {
    const fix = stopProcessFix("windows", 5678, 8000, "python.exe");
    expect(fix.commands).toEqual([
      "Get-NetTCPConnection -LocalPort 8000 -State Listen | Select-Object LocalAddress,LocalPort,OwningProcess",
      "taskkill /PID 5678",
      "taskkill /PID 5678 /F",
    ]);
    expect(fix.summary).toContain("findstr :8000 also matches ports that begin with 8000");
  });

  it("an unknown holder (no pid, or pid 0): only the look-up, with sudo where other users' processes need it", () => {
    expect(stopProcessFix("macos", undefined, 8000).commands).toEqual(["sudo lsof -nP -iTCP:8000 -sTCP:LISTEN"]);
    expect(stopProcessFix("linux", 0, 8000).commands).toEqual(["sudo ss -ltnp 'sport = :8000'"]);
    expect(stopProcessFix("windows", undefined, 8000).commands).toEqual([
      "Get-NetTCPConnection -LocalPort 8000 -State Listen | Select-Object LocalAddress,LocalPort,OwningProcess",
    ]);
    for (const os of OSES) expect(stopProcessFix(os, undefined, 8000).commands.join("\n")).not.toMatch(/kill/);
  });

  it("Docker's proxy (docker-proxy, com.docke as lsof cuts it, com.docker.backend.exe): the container, never a kill", () => {
    for (const [os, command] of [["linux", "docker-proxy"], ["macos", "com.docke"], ["windows", "com.docker.backend.exe"]] as const) {
      const fix = stopProcessFix(os, 999, 5432, command);
      expect(fix.commands).toEqual(["docker ps --filter publish=5432", "docker stop $(docker ps -q --filter publish=5432)"]);
      expect(fix.summary).toContain("do not kill it");
    }
  });

  it("never offers to kill PID 1 (launchd/systemd) or Windows' PID 4 (System, HTTP.sys)", () => {
    const linux = stopProcessFix("linux", 1, 631, "systemd");
    expect(linux.commands).toEqual(["ss -ltnp 'sport = :631'", "systemctl list-sockets --all"]);
    expect(stopProcessFix("macos", 1, 5000, "launchd").summary).toContain("PID 1 (launchd)");
    const windows = stopProcessFix("windows", 4, 80, "System");
    expect(windows.commands).toContain("netsh http show servicestate view=requestq");
    for (const fix of [linux, windows, stopProcessFix("macos", 1, 5000)]) expect(fix.commands.join("\n")).not.toMatch(/kill/);
  });

  it("macOS AirPlay Receiver (ControlCenter on 5000/7000): the setting to turn off", () => {
    const fix = stopProcessFix("macos", 612, 5000, "ControlCe");
    expect(fix.summary).toContain("AirPlay Receiver");
    expect(fix.commands).toEqual(["lsof -nP -iTCP:5000 -sTCP:LISTEN"]);
  });

  it("rejects a pid or port that is not one, so kill -1 or a fractional port can never be printed", () => {
    expect(() => stopProcessFix("linux", -1, 8000)).toThrow(RangeError);
    expect(() => stopProcessFix("linux", 1.5, 8000)).toThrow(RangeError);
    expect(() => stopProcessFix("linux", 12, 0)).toThrow(RangeError);
    expect(() => stopProcessFix("linux", 12, 70_000)).toThrow(RangeError);
    expect(() => stopProcessFix("linux", 12, Number.NaN)).toThrow(RangeError);
  });
});

describe("bindAllInterfacesFix recognises the program and rewrites its own option", () => {
  const cases: [commandLine: string, port: number, program: BindProgram, command: string][] = [
    ["uvicorn app.main:app --port 8000", 8000, "uvicorn", "uvicorn app.main:app --host 0.0.0.0 --port 8000"],
    ["uvicorn app.main:app --host 127.0.0.1 --port 8000 --reload", 8000, "uvicorn", "uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload"],
    ["uvicorn app.main:app --host localhost --workers 4", 8000, "uvicorn", "uvicorn app.main:app --host 0.0.0.0 --workers 4"],
    [
      "/srv/api/.venv/bin/python3 /srv/api/.venv/bin/uvicorn app.main:app --host=127.0.0.1 --port 8000",
      8000,
      "uvicorn",
      "/srv/api/.venv/bin/python3 /srv/api/.venv/bin/uvicorn app.main:app --host=0.0.0.0 --port 8000",
    ],
    ["python -m uvicorn app.main:app --reload", 8000, "uvicorn", "python -m uvicorn app.main:app --reload --host 0.0.0.0"],
    ["uv run uvicorn app.main:app --port 8000", 8000, "uvicorn", "uv run uvicorn app.main:app --host 0.0.0.0 --port 8000"],
    ["next dev -p 3000", 3000, "next", "next dev -H 0.0.0.0 -p 3000"],
    ["next start -p 3000", 3000, "next", "next start -H 0.0.0.0 -p 3000"],
    ["next dev --hostname localhost --port 3000 --turbo", 3000, "next", "next dev --hostname 0.0.0.0 --port 3000 --turbo"],
    ["node /app/node_modules/.bin/next dev -p 3000", 3000, "next", "node /app/node_modules/.bin/next dev -H 0.0.0.0 -p 3000"],
    ["npx next dev", 3000, "next", "npx next dev -H 0.0.0.0"],
    ["vite", 5173, "vite", "vite --host 0.0.0.0"],
    ["vite --port 5173", 5173, "vite", "vite --host 0.0.0.0 --port 5173"],
    ["vite --host=127.0.0.1 --port 5173 --strictPort", 5173, "vite", "vite --host=0.0.0.0 --port 5173 --strictPort"],
    ["node /web/node_modules/vite/bin/vite.js preview --port 4173", 4173, "vite", "node /web/node_modules/vite/bin/vite.js preview --host 0.0.0.0 --port 4173"],
    ["python -m http.server 8000 --bind 127.0.0.1", 8000, "http.server", "python -m http.server 8000 --bind 0.0.0.0"],
    ["python3 -m http.server -b ::1 8000 --directory /srv/files", 8000, "http.server", "python3 -m http.server -b 0.0.0.0 8000 --directory /srv/files"],
    ["python3 -m http.server 8000", 8000, "http.server", "python3 -m http.server 8000 --bind 0.0.0.0"],
    ["flask run", 5000, "flask", "flask run --host 0.0.0.0"],
    ["flask --app hello run --port 5001", 5001, "flask", "flask --app hello run --host 0.0.0.0 --port 5001"],
    ["python -m flask run -h 127.0.0.1 -p 5001", 5001, "flask", "python -m flask run -h 0.0.0.0 -p 5001"],
    ["python manage.py runserver 127.0.0.1:8000", 8000, "django", "python manage.py runserver 0.0.0.0:8000"],
    ["python manage.py runserver", 8000, "django", "python manage.py runserver 0.0.0.0:8000"],
    ["python manage.py runserver 8001 --noreload", 8001, "django", "python manage.py runserver 0.0.0.0:8001 --noreload"],
    ["python manage.py runserver -6 [::1]:8000", 8000, "django", "python manage.py runserver -6 '[::]:8000'"],
    ["rails s", 3000, "rails", "rails s -b 0.0.0.0"],
    ["bin/rails server -p 3000", 3000, "rails", "bin/rails server -b 0.0.0.0 -p 3000"],
    ["ruby bin/rails server --binding=127.0.0.1", 3000, "rails", "ruby bin/rails server --binding=0.0.0.0"],
    ["bundle exec rails s -b localhost -p 3000", 3000, "rails", "bundle exec rails s -b 0.0.0.0 -p 3000"],
    ["python main.py --listen 127.0.0.1 --port 8188", 8188, "comfyui", "python main.py --listen 0.0.0.0 --port 8188"],
    [
      "/home/ai/ComfyUI/venv/bin/python /home/ai/ComfyUI/main.py --port 8188 --highvram",
      8188,
      "comfyui",
      "/home/ai/ComfyUI/venv/bin/python /home/ai/ComfyUI/main.py --listen 0.0.0.0 --port 8188 --highvram",
    ],
    ["ollama serve", 11434, "ollama", "OLLAMA_HOST=0.0.0.0:11434 ollama serve"],
    ["OLLAMA_HOST=127.0.0.1:11500 /usr/local/bin/ollama serve", 11500, "ollama", "OLLAMA_HOST=0.0.0.0:11500 /usr/local/bin/ollama serve"],
    ["redis-server --bind 127.0.0.1", 6379, "redis", "redis-server --bind 0.0.0.0"],
    ["redis-server /etc/redis/redis.conf --bind 127.0.0.1 --port 6380", 6380, "redis", "redis-server /etc/redis/redis.conf --bind 0.0.0.0 --port 6380"],
  ];

  it.each(cases)("%s", (commandLine, port, program, command) => {
    const fix = bindAllInterfacesFix(commandLine, port);
    expect(fix.program).toBe(program);
    expect(fix.commands).toEqual([command]);
    expect(fix.summary).toContain(fixWords().bind.label[program]);
  });

  it("process titles: next-server and puma give the usual start command; Redis's title address becomes --port", () => {
    expect(bindAllInterfacesFix("next-server (v14.2.3)", 3000)).toMatchObject({ program: "next", commands: ["next dev -H 0.0.0.0 -p 3000"] });
    expect(bindAllInterfacesFix("puma 6.4.2 (tcp://127.0.0.1:3000) [shop]", 3000)).toMatchObject({
      program: "rails",
      commands: ["bin/rails server -b 0.0.0.0 -p 3000"],
    });
    expect(bindAllInterfacesFix("redis-server 127.0.0.1:6379", 6379)).toMatchObject({ program: "redis", commands: ["redis-server --bind 0.0.0.0 --port 6379"] });
  });

  it("Redis: warns about protected mode and a password", () => {
    const fix = bindAllInterfacesFix("redis-server --bind 127.0.0.1", 6379);
    expect(fix.summary).toMatch(/protected mode/);
    expect(fix.summary).toMatch(/requirepass/);
  });

  it("PostgreSQL: listen_addresses and a pg_hba.conf line for the tailnet, with the psql of each OS; a -h on its command line is rewritten first", () => {
    const linux = bindAllInterfacesFix("/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main", 5432, "linux");
    expect(linux.program).toBe("postgres");
    expect(linux.commands).toEqual([
      `sudo -u postgres psql -p 5432 -c "ALTER SYSTEM SET listen_addresses = '*'"`,
      `sudo -u postgres psql -p 5432 -c "SHOW hba_file"`,
    ]);
    expect(linux.summary).toContain("listen_addresses = '*'");
    expect(linux.summary).toContain("host all all 100.64.0.0/10 scram-sha-256");
    expect(bindAllInterfacesFix("postgres -D /usr/local/var/postgres", 5433, "macos").commands[0]).toBe(
      `psql -p 5433 -d postgres -c "ALTER SYSTEM SET listen_addresses = '*'"`,
    );
    expect(bindAllInterfacesFix("postgres.exe -D C:\\pgdata", 5432, "windows").commands[0]).toBe(
      `psql -p 5432 -U postgres -c "ALTER SYSTEM SET listen_addresses = '*'"`,
    );
    const own = bindAllInterfacesFix("postgres -D /data -h 127.0.0.1 -c listen_addresses=localhost", 5432, "linux");
    expect(own.commands[0]).toBe("postgres -D /data -h '*' -c 'listen_addresses=*'");
    expect(own.summary).toContain("wins over the configuration files");
  });

  it("Ollama per OS: the env prefix, launchctl for the macOS app, setx on Windows, systemd on Linux", () => {
    expect(bindAllInterfacesFix("/Applications/Ollama.app/Contents/Resources/ollama serve", 11434, "macos").commands).toEqual([
      "launchctl setenv OLLAMA_HOST 0.0.0.0:11434",
    ]);
    expect(bindAllInterfacesFix('"C:\\Users\\me\\AppData\\Local\\Programs\\Ollama\\ollama.exe" serve', 11434, "windows").commands).toEqual([
      "setx OLLAMA_HOST 0.0.0.0:11434",
    ]);
    expect(bindAllInterfacesFix("ollama serve", 11434, "linux").summary).toContain("sudo systemctl edit ollama");
  });

  it("Django and Flask get their extra warnings (ALLOWED_HOSTS, the debugger)", () => {
    expect(bindAllInterfacesFix("python manage.py runserver", 8000).summary).toContain("ALLOWED_HOSTS");
    expect(bindAllInterfacesFix("flask run --debug", 5000).summary).toContain("debugger");
  });

  it("keeps every other word, quoting again what needs quotes", () => {
    const fix = bindAllInterfacesFix(`uvicorn "my app.main:app" --root-path '/a b' --log-config "it's.yaml" --port 8000`, 8000);
    expect(fix.commands).toEqual([`uvicorn 'my app.main:app' --root-path '/a b' --log-config 'it'\\''s.yaml' --host 0.0.0.0 --port 8000`]);
    expect(splitCommandLine(fix.commands[0] ?? "")).toEqual(["uvicorn", "my app.main:app", "--root-path", "/a b", "--log-config", "it's.yaml", "--host", "0.0.0.0", "--port", "8000"]);
  });

  it("Windows command lines: CommandLineToArgvW in, PowerShell out (the call operator before a quoted program)", () => {
    const fix = bindAllInterfacesFix(`"C:\\Program Files\\Python312\\python.exe" -m uvicorn app.main:app --host 127.0.0.1 --port 8000`, 8000, "windows");
    expect(fix.program).toBe("uvicorn");
    expect(fix.commands).toEqual([`& 'C:\\Program Files\\Python312\\python.exe' -m uvicorn app.main:app --host 0.0.0.0 --port 8000`]);
    expect(fix.summary).toContain("PowerShell");
    const plain = bindAllInterfacesFix(`C:\\tools\\node.exe C:\\web\\node_modules\\vite\\bin\\vite.js --port 5173`, 5173, "windows");
    expect(plain.commands).toEqual([`C:\\tools\\node.exe C:\\web\\node_modules\\vite\\bin\\vite.js --host 0.0.0.0 --port 5173`]);
  });

  it("an unknown program: the generic advice; a rewritten command only when a host-like option carries a loopback address", () => {
    const generic = bindAllInterfacesFix("/opt/acme/bin/acme-server --config /etc/acme.toml", 9000);
    expect(generic).toMatchObject({ program: "unknown", commands: [] });
    expect(generic.summary).toContain("0.0.0.0");
    expect(generic.summary).toMatch(/--host/);
    expect(bindAllInterfacesFix(undefined, 9000)).toMatchObject({ program: "unknown", commands: [] });
    expect(bindAllInterfacesFix("", 9000)).toMatchObject({ program: "unknown", commands: [] });
    expect(bindAllInterfacesFix("gunicorn -b 127.0.0.1:8000 app:app", 8000)).toMatchObject({ program: "unknown", commands: ["gunicorn -b 0.0.0.0:8000 app:app"] });
    expect(bindAllInterfacesFix("jupyter lab --ip=localhost --port 8888", 8888).commands).toEqual(["jupyter lab --ip=0.0.0.0 --port 8888"]);
    expect(bindAllInterfacesFix("python manage.py migrate", 8000).program).toBe("unknown");
  });
});

describe("metacharacters in a command line stay inert text", () => {
  const marker = path.join(mkdtempSync(path.join(tmpdir(), "sparkport-fix-text-")), "pwned");
  afterAll(() => rmSync(path.dirname(marker), { recursive: true, force: true }));
  const hostile = `uvicorn app:app --port 8000; rm -rf / $(touch ${marker}) \`touch ${marker}\` | sh && touch ${marker} > /etc/passwd`;

  it("comes back as words of the one command, each shell character quoted", () => {
    const fix = bindAllInterfacesFix(hostile, 8000);
    expect(fix.program).toBe("uvicorn");
    expect(fix.commands).toHaveLength(1);
    const command = fix.commands[0] ?? "";
    expect(command).toContain("'8000;'");
    expect(command).toContain(`'$(touch'`);
    expect(command).toContain(`'\`touch'`);
    expect(command).toContain("'|'");
    expect(command).toContain("'&&'");
    expect(command).toContain("'>'");
    // Split again, the words are the original ones plus --host 0.0.0.0: nothing became an operator.
    expect(splitCommandLine(command)).toEqual(["uvicorn", "app:app", "--host", "0.0.0.0", ...splitCommandLine(hostile).slice(2)]);
    expect(existsSync(marker)).toBe(false);
  });

  it("appears only inside the returned strings of every fix, and nothing ran", () => {
    const fixes: FixText[] = [
      bindAllInterfacesFix(`python main.py --listen 127.0.0.1 "$(touch ${marker})" ';id'`, 8188),
      bindAllInterfacesFix(`uvicorn app:app --port 8000 "$(id)" ';' '&' "\`id\`"`, 8000, "windows"),
      bindAllInterfacesFix(`acme --host 127.0.0.1 "$(touch ${marker})"`, 9000),
      firewallFix("macos", 8000, `/Applications/My App.app/Contents/MacOS/srv; touch ${marker}`),
      tailscaleFix("peer-offline", "linux", `mac-mini; touch ${marker}`),
      tailscaleFix("peer-offline", "windows", "mac-mini; $(id)"),
    ];
    const text = fixes.flatMap((fix) => fix.commands).join("\n");
    expect(text).toContain(`'$(touch ${marker})'`);
    expect(text).toContain("'$(id)'");
    expect(text).toContain(`'/Applications/My App.app/Contents/MacOS/srv; touch ${marker}'`);
    expect(text).toContain(`tailscale ping 'mac-mini; touch ${marker}'`);
    expect(text).toContain("tailscale ping 'mac-mini; $(id)'");
    expect(existsSync(marker)).toBe(false);
  });

  // The only shells in these tests: they receive the quoted words and print them back one per line. Harmless
  // payloads only (touch in a temp folder), and the marker must not appear. Control characters use $'...', which
  // the interactive shells people paste into (bash, zsh) read but dash does not.
  const payloads = ["$(touch " + marker + ")", "`touch " + marker + "`", "; touch " + marker, "it's", "=x", "~", "*", "--%", "", "\\"];
  const echoBack = (shell: string, words: readonly string[]): Promise<string> => {
    const line = `printf '%s\\n' ${words.map((word) => quoteArg(word)).join(" ")}`;
    expect(line).not.toContain("\n");
    return new Promise<string>((resolve, reject) => execFile(shell, ["-c", line], (error, out) => (error === null ? resolve(out) : reject(error))));
  };
  const onPosix = process.platform !== "win32";

  it.skipIf(skipping(!onPosix, "the real-sh case", `no POSIX sh on ${process.platform}`))("a real sh reads the quoted words back unchanged", async () => {
    expect(await echoBack("sh", payloads)).toBe(payloads.map((word) => `${word}\n`).join(""));
    expect(existsSync(marker)).toBe(false);
  });

  it.skipIf(skipping(!(onPosix && existsSync("/bin/bash")), "the real-bash case", "no /bin/bash here"))("a real bash reads them back too, control characters included, from one line", async () => {
    const words = [...payloads, "a\nb", "tab\there", "it's\n$(touch " + marker + ")"];
    expect(await echoBack("/bin/bash", words)).toBe(words.map((word) => `${word}\n`).join(""));
    expect(existsSync(marker)).toBe(false);
  });
});

describe("splitCommandLine, quoteArg, joinCommandLine", () => {
  it("POSIX: quotes and backslashes, no expansion", () => {
    expect(splitCommandLine(`a 'b c' "d \\"e\\" $HOME" f\\ g  $(id)`)).toEqual(["a", "b c", 'd "e" $HOME', "f g", "$(id)"]);
    expect(splitCommandLine("  ")).toEqual([]);
    expect(splitCommandLine(`x ''`)).toEqual(["x", ""]);
  });

  it("Windows: CommandLineToArgvW backslash and quote rules", () => {
    expect(splitCommandLine(`"C:\\Program Files\\x.exe" a\\b "c d" e\\"f "g\\\\" h""i`, "windows")).toEqual([
      "C:\\Program Files\\x.exe",
      "a\\b",
      "c d",
      'e"f',
      "g\\",
      "hi",
    ]);
  });

  it("quotes only when needed, as one line", () => {
    expect(quoteArg("app.main:app")).toBe("app.main:app");
    expect(quoteArg("--host=0.0.0.0")).toBe("--host=0.0.0.0");
    expect(quoteArg("a b")).toBe("'a b'");
    expect(quoteArg("=x")).toBe("'=x'");
    expect(quoteArg("a\nb")).toBe("$'a\\nb'");
    expect(quoteArg("")).toBe("''");
    expect(quoteArg("C:\\x\\y.exe", "windows")).toBe("C:\\x\\y.exe");
    expect(quoteArg("a,b", "windows")).toBe("'a,b'");
    expect(quoteArg("it's", "windows")).toBe("'it''s'");
    expect(quoteArg("it\u2019s", "windows")).toBe("'it\u2019\u2019s'");
    expect(quoteArg("--%", "windows")).toBe("'--%'");
    expect(quoteArg("$x\n", "windows")).toBe('"`$x`n"');
    expect(joinCommandLine(["C:\\My Tools\\srv.exe", "--port", "80"], "windows")).toBe("& 'C:\\My Tools\\srv.exe' --port 80");
  });
});

describe("firewallFix", () => {
  it("macOS: the application firewall's state, block-all and app list; allow commands for a given program", () => {
    const fw = "/usr/libexec/ApplicationFirewall/socketfilterfw";
    expect(firewallFix("macos", 8000).commands).toEqual([`${fw} --getglobalstate`, `${fw} --getblockall`, `${fw} --listapps`]);
    expect(firewallFix("macos", 8000, "/opt/homebrew/Cellar/python@3.12/3.12.4/bin/python3.12").commands.slice(3)).toEqual([
      `sudo ${fw} --add /opt/homebrew/Cellar/python@3.12/3.12.4/bin/python3.12`,
      `sudo ${fw} --unblockapp /opt/homebrew/Cellar/python@3.12/3.12.4/bin/python3.12`,
    ]);
  });

  it("Windows: profiles, rules for the port, block rules, and an inbound allow rule for the tailnet", () => {
    const fix = firewallFix("windows", 8000);
    expect(fix.commands[1]).toBe(
      "Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq 8000 | Get-NetFirewallRule | Format-Table DisplayName,Enabled,Direction,Action,Profile",
    );
    expect(fix.commands).toContain(
      'New-NetFirewallRule -DisplayName "sparkport 8000" -Direction Inbound -Protocol TCP -LocalPort 8000 -Action Allow -RemoteAddress 100.64.0.0/10',
    );
  });

  it("Linux: ufw (on tailscale0), nftables, firewalld", () => {
    expect(firewallFix("linux", 8000).commands).toEqual([
      "sudo ufw status verbose",
      "sudo ufw allow in on tailscale0 to any port 8000 proto tcp",
      "sudo nft list ruleset",
      "sudo firewall-cmd --list-all",
    ]);
  });

  it("every OS: the tailnet policy must allow the port too", () => {
    for (const os of OSES) expect(firewallFix(os, 8000).summary).toContain("tcp:8000");
  });
});

describe("tailscaleFix", () => {
  it("stopped: start and connect, per OS", () => {
    expect(tailscaleFix("stopped", "linux").commands).toEqual(["sudo systemctl enable --now tailscaled", "sudo tailscale up", "tailscale status"]);
    expect(tailscaleFix("stopped", "macos").commands).toEqual(["open -a Tailscale", "tailscale up", "tailscale status"]);
    expect(tailscaleFix("stopped", "windows").commands).toEqual(["Start-Service Tailscale", "tailscale up", "tailscale status"]);
  });

  it("needs-login: tailscale login", () => {
    expect(tailscaleFix("needs-login", "macos").commands[0]).toBe("tailscale login");
    expect(tailscaleFix("needs-login", "linux").commands[0]).toBe("sudo tailscale login");
  });

  it("peer-offline: start it on the peer (its OS), ping it from here; a Mac should not sleep", () => {
    const fix = tailscaleFix("peer-offline", "macos", "mac-mini");
    expect(fix.summary).toContain("mac-mini is offline");
    expect(fix.summary).toContain("sleep");
    expect(fix.commands).toEqual(["open -a Tailscale", "tailscale up", "tailscale status", "tailscale ping mac-mini"]);
    expect(tailscaleFix("peer-offline", "windows").commands).not.toContain("tailscale ping");
  });

  it("userspace: what TUN off means, and the way back per OS", () => {
    for (const os of OSES) expect(tailscaleFix("userspace", os).summary).toContain("userspace networking");
    expect(tailscaleFix("userspace", "linux").summary).toContain("/dev/net/tun");
    expect(tailscaleFix("userspace", "linux").summary).toContain("SOCKS5");
    expect(tailscaleFix("userspace", "linux").commands).toContain("ls -l /dev/net/tun");
  });
});

describe("dockerLoopbackFix", () => {
  it.each([
    ['"127.0.0.1:5432:5432"', '"5432:5432"'],
    ["127.0.0.1:5432:5432", "5432:5432"],
    ['      - "127.0.0.1:5432:5432"   # db', '      - "5432:5432"   # db'],
    ["  - 127.0.0.1:8001:8001", '  - "8001:8001"'],
    ["  - '127.0.0.1:6379:6379/tcp'", "  - '6379:6379/tcp'"],
    ['"127.0.0.1:5000-5010:5000-5010"', '"5000-5010:5000-5010"'],
    ['"[::1]:6001:6001"', '"6001:6001"'],
    ['"::1:6000:6000"', '"6000:6000"'],
    ["127.0.0.1::5432", "5432"],
    ["        host_ip: 127.0.0.1", "        host_ip: 0.0.0.0"],
    ['        host_ip: "127.0.0.1"  # only here', '        host_ip: "0.0.0.0"  # only here'],
    ["{ target: 5432, host_ip: 127.0.0.1, published: 5432 }", "{ target: 5432, host_ip: 0.0.0.0, published: 5432 }"],
  ])("%s -> %s", (line, replacement) => {
    const fix = dockerLoopbackFix(line);
    expect(fix.replacement).toBe(replacement);
    expect(fix.commands).toEqual(["docker compose up -d"]);
  });

  it("names the loopback address and the alternatives (0.0.0.0:..., the Tailscale address)", () => {
    const fix = dockerLoopbackFix('"127.0.0.1:5432:5432"');
    expect(fix.summary).toContain("127.0.0.1");
    expect(fix.summary).toContain('"0.0.0.0:5432:5432"');
    expect(fix.summary).toContain("docker compose up -d");
  });

  it("an entry that already publishes on every interface comes back unchanged, with nothing to run", () => {
    for (const line of ['"5432:5432"', "  - 3000", '"0.0.0.0:5432:5432"', "host_ip: 0.0.0.0", "not a port"]) {
      expect(dockerLoopbackFix(line)).toMatchObject({ replacement: line, commands: [] });
    }
  });
});

describe("privilegedPortFix and excludedPortFix", () => {
  it("Linux: root or CAP_NET_BIND_SERVICE, the sysctl, and the suggested port", () => {
    const fix = privilegedPortFix("linux", 80, 8080);
    expect(fix.summary).toContain("CAP_NET_BIND_SERVICE");
    expect(fix.summary).toContain("Use port 8080 instead");
    expect(fix.commands).toEqual(["sysctl net.ipv4.ip_unprivileged_port_start"]);
  });

  it("macOS: any user on 0.0.0.0, root on one address; Windows: no privileged ports", () => {
    expect(privilegedPortFix("macos", 80).summary).toContain("only root on one address");
    expect(privilegedPortFix("macos", 80).summary).toContain("sparkport next");
    expect(privilegedPortFix("windows", 80, 8080).summary).toContain("no privileged ports");
    expect(privilegedPortFix("windows", 80).commands[0]).toBe("netsh interface ipv4 show excludedportrange protocol=tcp");
  });

  it("Windows excluded range: the range, the suggestion, and how to reserve the port", () => {
    const fix = excludedPortFix(50051, { from: 50000, to: 50099 }, 8001);
    expect(fix.summary).toContain("50000-50099");
    expect(fix.summary).toContain("Use port 8001 instead");
    expect(fix.commands).toEqual([
      "netsh interface ipv4 show excludedportrange protocol=tcp",
      "net stop winnat",
      "netsh int ipv4 add excludedportrange protocol=tcp startport=50051 numberofports=1",
      "net start winnat",
    ]);
  });
});
