// The fixes `sparkport doctor` prints, for the OS of the node involved. Pure functions: nothing here runs
// anything. A program's command line is only ever split into words and quoted back into text, so whatever it
// contains (`; rm -rf /`, `$(id)`) comes back as inert, quoted text inside the returned strings.

import type { ExcludedRange } from "../observe/listener.js";
import type { OperatingSystem } from "../registry/schema.js";
import { quoteArg, styleOf } from "../command-line/command-line.js";
import { checkPid, checkPort, sentences } from "./fix-helpers.js";

/** The OS a fix is written for: its shell (sh/zsh, or PowerShell on Windows) and its tools. */
export type FixOs = OperatingSystem;

/** A fix: a paragraph to read, and the lines to copy. */
export interface FixText {
  summary: string;
  /**
   * Lines to paste one by one: sh/zsh on macOS and Linux, PowerShell on Windows. No comments (zsh runs `#` as a
   * command) and no placeholders; empty when there is nothing exact to run.
   */
  commands: string[];
}

/** The programs bindAllInterfacesFix recognises from a command line. */
export type BindProgram =
  | "uvicorn"
  | "next"
  | "vite"
  | "http.server"
  | "flask"
  | "django"
  | "rails"
  | "comfyui"
  | "ollama"
  | "redis"
  | "postgres"
  | "unknown";

export interface BindFix extends FixText {
  program: BindProgram;
}

export interface ComposePortFix extends FixText {
  /** The whole line to write instead: indentation, dash, quote style and trailing comment kept. */
  replacement: string;
}

export type TailscaleProblem = "stopped" | "needs-login" | "peer-offline" | "userspace";

// Every sentence a fix shows, so a translated table can replace this one. Commands are not here: they are
// program syntax, built by the functions below, and must not be translated.
export const FIX_TEXT = {
  stop: {
    holder: (a: { pid: number; command: string | undefined; port: number }) =>
      `${a.command === undefined ? `PID ${a.pid}` : `${a.command} (PID ${a.pid})`} holds port ${a.port}.`,
    unix: "Check that the first command shows the process you mean, stop it with the second, and only if it is still there after a few seconds force it with the third (kill -9 gives it no chance to clean up).",
    windows:
      "In PowerShell: check that the first command shows the process you mean and stop it with the second; console programs such as node or python often refuse that request, so force it with the third (/F) if it is still there.",
    findstr: (port: number) =>
      `(netstat -ano | findstr :${port} also matches ports that begin with ${port} and connections whose remote end uses it; Get-NetTCPConnection matches the local port exactly.)`,
    unknownHolder: (port: number) =>
      `The process holding port ${port} is not visible here (other users' processes need sudo or an administrator). Find it with the command below, stop it with kill PID (Windows: taskkill /PID PID), and force it with kill -9 PID (taskkill /PID PID /F) only if it does not exit.`,
    docker: (a: { command: string; port: number }) =>
      `${a.command} holds port ${a.port} for a Docker container; do not kill it. Find the container with the first command and stop it with the second.`,
    serviceManager: (a: { manager: string; port: number }) =>
      `PID 1 (${a.manager}) holds port ${a.port} for a service it starts on demand: stop that service, never PID 1. The commands show which one.`,
    windowsSystem: (port: number) =>
      `PID 4 is Windows itself (System): a driver, usually HTTP.sys on behalf of a service such as IIS, holds port ${port}. The second command lists the HTTP.sys registrations; stop the service that made it rather than the process.`,
    airplay: (port: number) =>
      `macOS's AirPlay Receiver (ControlCenter) holds port ${port}; it listens on 5000 and 7000. Turn it off in System Settings > General > AirDrop & Handoff > AirPlay Receiver, or use another port: macOS restarts ControlCenter when it is killed.`,
    neverKills: "sparkport never stops a process itself.",
  },
  bind: {
    label: {
      uvicorn: "uvicorn",
      next: "Next.js",
      vite: "Vite",
      "http.server": "Python's http.server",
      flask: "Flask",
      django: "Django's runserver",
      rails: "Rails",
      comfyui: "ComfyUI",
      ollama: "Ollama",
      redis: "Redis",
      postgres: "PostgreSQL",
      unknown: "The program",
    } satisfies Record<BindProgram, string>,
    loopbackOnly: (label: string) =>
      `${label} listens on the loopback address only (127.0.0.1 or ::1), so other nodes are refused.`,
    restart: "Stop it and start it again with the command below: the same command, listening on every IPv4 address (0.0.0.0).",
    titleOnly:
      "Its process shows a title instead of its arguments, so start it again like this, adding your usual options:",
    powershell: "(Windows: the command is for PowerShell.)",
    note: {
      uvicorn: "",
      next: "If a package.json script starts it, put -H 0.0.0.0 in that script.",
      vite: "--host with no address also works (every address, IPv6 too), as does server.host: true in vite.config; to use a MagicDNS name add it to server.allowedHosts.",
      "http.server": "It serves the current folder to every node that can reach the port.",
      flask: "Never do this with the debugger on (--debug): it runs code for anyone who reaches the port.",
      django: "Also add the node's Tailscale address or name to ALLOWED_HOSTS in settings.py, or Django answers 400 Bad Request.",
      rails: "To use a MagicDNS name, also add config.hosts << \".ts.net\" to config/environments/development.rb.",
      comfyui: "",
      ollama: "",
      redis: "",
      postgres: "",
      unknown: "",
    } satisfies Record<BindProgram, string>,
    ollama: {
      shell: (port: number) =>
        `Ollama takes its address from OLLAMA_HOST, not from an option: start it with OLLAMA_HOST=0.0.0.0:${port}.`,
      systemd: (port: number) =>
        `For the systemd service, run sudo systemctl edit ollama, add Environment="OLLAMA_HOST=0.0.0.0:${port}" under [Service], then sudo systemctl restart ollama.`,
      macApp: "Then quit Ollama from the menu bar and open it again.",
      windows: (port: number) =>
        `Ollama takes its address from OLLAMA_HOST: the command sets it to 0.0.0.0:${port} for your user; quit Ollama from the tray and start it again (a terminal's ollama serve needs a new terminal).`,
    },
    redis:
      "Redis refuses remote clients in protected mode while it has no password: set one first (--requirepass, or requirepass in redis.conf). In redis.conf the same change is the line bind 0.0.0.0.",
    postgres: (a: { commandLine: boolean }) =>
      `${a.commandLine ? "Its command line sets the address, and that wins over the configuration files: start it again with the first command. " : ""}` +
      "Set listen_addresses = '*' (the ALTER SYSTEM command writes it to postgresql.auto.conf), add the line host all all 100.64.0.0/10 scram-sha-256 to pg_hba.conf (SHOW hba_file prints where it is) so tailnet peers may log in, then restart PostgreSQL: listen_addresses changes only on restart.",
    generic:
      "Make the program listen on 0.0.0.0 (every IPv4 address) or :: instead of 127.0.0.1 or ::1: look for a --host, --bind or --listen option, a HOST variable, or a host setting in its configuration.",
    genericRewritten:
      "The command below replaces the loopback address in its arguments with 0.0.0.0; check that this option is the listening address.",
  },
  firewall: {
    macos: (port: number) =>
      `The macOS application firewall filters by program, not by port ${port}. If it is on, check that "Block all incoming connections" is off and that the server's program is allowed in the list of apps.`,
    macosAllow: "The last two commands allow the program that listens.",
    macosNoProgram:
      "To allow the program that listens, run sudo /usr/libexec/ApplicationFirewall/socketfilterfw --add with its full path, then --unblockapp with the same path.",
    windows: (port: number) =>
      `Windows Defender Firewall drops inbound connections that no rule allows, and a Block rule wins over any Allow rule (one is created for a program when its first-run prompt is dismissed). The first commands show the profiles, the rules for port ${port} and the Block rules; the last, in an administrator PowerShell, admits TCP ${port} from tailnet addresses (100.64.0.0/10) only.`,
    linux: (port: number) =>
      `Check the Linux firewall: ufw (Ubuntu), nftables or firewalld. The ufw rule below admits TCP ${port} on the Tailscale interface only (sudo ufw allow ${port}/tcp would open it on every interface).`,
    tailscaleAcl: (port: number) =>
      `The tailnet policy (admin console > Access controls) must also allow tcp:${port} to this node; tailscale ping only proves that the nodes see each other.`,
  },
  tailscale: {
    stopped: "Tailscale is not running on this node (BackendState is not Running).",
    stoppedHow: {
      macos: "Open the Tailscale app and choose Connect; the tailscale command exists only with the CLI installed (Tailscale settings > CLI integration).",
      windows: "Start the Tailscale service (administrator PowerShell) and connect.",
      linux: "Start tailscaled and connect.",
    } satisfies Record<FixOs, string>,
    needsLogin:
      "Tailscale needs a login on this node (BackendState NeedsLogin, or its key expired): log in with the app, or with tailscale login, which prints a URL to open.",
    peerOffline: (peer: string | undefined) =>
      `${peer ?? "The other node"} is offline in the tailnet: it is asleep, shut down, or Tailscale is stopped there. On that machine, start Tailscale and connect (the commands below are for its OS), then check from here.`,
    macSleep: "A Mac mini that serves others should not sleep: System Settings > Energy > Prevent automatic sleeping.",
    userspace:
      "tailscaled runs with userspace networking (TUN: false): other nodes can still reach this node's services, but programs on this node cannot reach tailnet addresses directly.",
    userspaceHow: {
      linux:
        "Run tailscaled with a TUN device: drop --tun=userspace-networking from its flags (the second command shows them; FLAGS in /etc/default/tailscaled) and make sure /dev/net/tun exists (in a container: --device /dev/net/tun --cap-add NET_ADMIN and TS_USERSPACE=false). Or keep it and point programs at its SOCKS5 proxy: tailscaled --socks5-server=localhost:1055, then ALL_PROXY=socks5://localhost:1055.",
      macos:
        "Use the Tailscale app (its network extension is a TUN device), or run sudo tailscaled without --tun=userspace-networking. Or keep it and point programs at its SOCKS5 proxy: tailscaled --socks5-server=localhost:1055, then ALL_PROXY=socks5://localhost:1055.",
      windows:
        "Tailscale on Windows uses the Wintun driver; without it, restart the service in an administrator PowerShell and reinstall Tailscale if TUN stays false.",
    } satisfies Record<FixOs, string>,
  },
  docker: {
    loopback: (a: { published: string; address: string }) =>
      `This ports entry publishes ${a.published} on ${a.address} only, so other nodes cannot reach it. Write "${a.published}" instead (every interface; "0.0.0.0:${a.published}" for IPv4 only, or the node's Tailscale address for the tailnet only) and recreate the container with docker compose up -d in the compose file's folder (no docker compose down needed).`,
    hostIp: (address: string) =>
      `host_ip: ${address} publishes this port on that address only, so other nodes cannot reach it. Write 0.0.0.0 instead (or remove host_ip) and recreate the container with docker compose up -d in the compose file's folder.`,
    allInterfaces: "This ports entry names no single host address: it already publishes on every interface.",
  },
  privileged: {
    linux: (port: number) =>
      `Port ${port} is below 1024: on Linux only root or a program with CAP_NET_BIND_SERVICE may listen on it (the command shows where the privileged ports end).`,
    macos: (port: number) =>
      `Port ${port} is below 1024: macOS lets any user listen on it on every address (0.0.0.0 or ::), but only root on one address such as 127.0.0.1.`,
    windows: (port: number) =>
      `Windows has no privileged ports: if listening on ${port} is refused (WinError 10013, EACCES), the port is in an excluded range or held exclusively by another program; the commands check both.`,
  },
  excluded: (a: { port: number; from: number; to: number }) =>
    `Port ${a.port} lies in the range ${a.from}-${a.to} that Windows excluded (Hyper-V, WSL 2 and Docker Desktop reserve such ranges, often at boot): no program may listen on it, and the error says access is forbidden (WinError 10013, EACCES).`,
  excludedReserve:
    "To keep the port, in an administrator PowerShell stop the NAT driver, reserve the port for yourself and start the driver again (the last three commands): programs may listen on a port reserved this way, and Windows no longer hands it out.",
  suggestion: (port: number | undefined) =>
    port === undefined
      ? "Use a free port in the team's range instead (sparkport next finds one)."
      : `Use port ${port} instead: it is free in the team's range.`,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Address already in use: who holds the port, and how to stop it.

function findHolder(os: FixOs, port: number, sudo: boolean): string {
  switch (os) {
    case "macos":
      return `${sudo ? "sudo " : ""}lsof -nP -iTCP:${port} -sTCP:LISTEN`;
    case "linux":
      return `${sudo ? "sudo " : ""}ss -ltnp 'sport = :${port}'`;
    case "windows":
      return `Get-NetTCPConnection -LocalPort ${port} -State Listen | Select-Object LocalAddress,LocalPort,OwningProcess`;
  }
}

const DOCKER_HOLDER = /^(docker-proxy|com\.docke|com\.docker|vpnkit|docker desktop|dockerd|rootlesskit)/i;

/**
 * How to find and stop the process that holds `port`: the look-up first (exact port match; on Windows
 * Get-NetTCPConnection, since findstr matches prefixes), then `kill PID` / `taskkill /PID N`, then the forced
 * form as escalation. `pid` undefined or 0: the holder is unknown, only the look-up is given. Holders that must
 * not be killed (Docker's proxy, PID 1, Windows' PID 4, macOS's AirPlay Receiver) get what to do instead.
 */
export function stopProcessFix(os: FixOs, pid: number | undefined, port: number, command?: string): FixText {
  checkPort(port);
  checkPid(pid);
  const t = FIX_TEXT.stop;
  if (pid === undefined || pid === 0) {
    return { summary: sentences(t.unknownHolder(port), os === "windows" ? t.findstr(port) : "", t.neverKills), commands: [findHolder(os, port, os !== "windows")] };
  }
  const find = findHolder(os, port, false);
  if (command !== undefined && DOCKER_HOLDER.test(command)) {
    return {
      summary: t.docker({ command, port }),
      commands: [`docker ps --filter publish=${port}`, `docker stop $(docker ps -q --filter publish=${port})`],
    };
  }
  if (os === "macos" && command !== undefined && /^controlce/i.test(command)) {
    return { summary: t.airplay(port), commands: [find] };
  }
  if (os !== "windows" && pid === 1) {
    const manager = os === "macos" ? "launchd" : "systemd";
    return {
      summary: t.serviceManager({ manager, port }),
      commands: os === "linux" ? [find, "systemctl list-sockets --all"] : [findHolder(os, port, true), "sudo launchctl list"],
    };
  }
  if (os === "windows" && pid === 4) {
    return { summary: t.windowsSystem(port), commands: [find, "netsh http show servicestate view=requestq"] };
  }
  const holder = t.holder({ pid, command, port });
  if (os === "windows") {
    return { summary: sentences(holder, t.windows, t.findstr(port), t.neverKills), commands: [find, `taskkill /PID ${pid}`, `taskkill /PID ${pid} /F`] };
  }
  return { summary: sentences(holder, t.unix, t.neverKills), commands: [find, `kill ${pid}`, `kill -9 ${pid}`] };
}

// ---------------------------------------------------------------------------------------------------------
// Filtered: the node's firewall, and the tailnet policy.

const SOCKETFILTERFW = "/usr/libexec/ApplicationFirewall/socketfilterfw";

/**
 * How to check and open the firewall of a node for TCP `port`: macOS's application firewall (by program: give
 * `program`, the listening binary's full path, for the allow commands), Windows Defender Firewall (an inbound
 * rule limited to tailnet addresses), ufw/nftables/firewalld on Linux; always with the tailnet policy note.
 */
export function firewallFix(os: FixOs, port: number, program?: string): FixText {
  checkPort(port);
  const t = FIX_TEXT.firewall;
  const acl = t.tailscaleAcl(port);
  switch (os) {
    case "macos": {
      const check = [`${SOCKETFILTERFW} --getglobalstate`, `${SOCKETFILTERFW} --getblockall`, `${SOCKETFILTERFW} --listapps`];
      if (program === undefined || program === "") return { summary: sentences(t.macos(port), t.macosNoProgram, acl), commands: check };
      const path = quoteArg(program, "posix");
      return {
        summary: sentences(t.macos(port), t.macosAllow, acl),
        commands: [...check, `sudo ${SOCKETFILTERFW} --add ${path}`, `sudo ${SOCKETFILTERFW} --unblockapp ${path}`],
      };
    }
    case "windows":
      return {
        summary: sentences(t.windows(port), acl),
        commands: [
          "Get-NetFirewallProfile | Format-Table Name,Enabled,DefaultInboundAction",
          `Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq ${port} | Get-NetFirewallRule | Format-Table DisplayName,Enabled,Direction,Action,Profile`,
          "Get-NetFirewallRule -Direction Inbound -Action Block -Enabled True | Format-Table DisplayName,Profile",
          `New-NetFirewallRule -DisplayName "sparkport ${port}" -Direction Inbound -Protocol TCP -LocalPort ${port} -Action Allow -RemoteAddress 100.64.0.0/10`,
        ],
      };
    case "linux":
      return {
        summary: sentences(t.linux(port), acl),
        commands: [
          "sudo ufw status verbose",
          `sudo ufw allow in on tailscale0 to any port ${port} proto tcp`,
          "sudo nft list ruleset",
          "sudo firewall-cmd --list-all",
        ],
      };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tailscale down, logged out, peer offline, or without TUN.

function startTailscale(os: FixOs): string[] {
  switch (os) {
    case "macos":
      return ["open -a Tailscale", "tailscale up"];
    case "windows":
      return ["Start-Service Tailscale", "tailscale up"];
    case "linux":
      return ["sudo systemctl enable --now tailscaled", "sudo tailscale up"];
  }
}

/**
 * What to do when Tailscale is in the way, for the OS of the node concerned (for "peer-offline", the peer's; give
 * its name as `peer` for the ping from here).
 */
export function tailscaleFix(problem: TailscaleProblem, os: FixOs, peer?: string): FixText {
  const t = FIX_TEXT.tailscale;
  switch (problem) {
    case "stopped":
      return { summary: sentences(t.stopped, t.stoppedHow[os]), commands: [...startTailscale(os), "tailscale status"] };
    case "needs-login":
      return { summary: t.needsLogin, commands: [os === "linux" ? "sudo tailscale login" : "tailscale login", "tailscale status"] };
    case "peer-offline": {
      const here = peer === undefined || peer === "" ? ["tailscale status"] : ["tailscale status", `tailscale ping ${quoteArg(peer, styleOf(os))}`];
      return { summary: sentences(t.peerOffline(peer), os === "macos" ? t.macSleep : ""), commands: [...startTailscale(os), ...here] };
    }
    case "userspace": {
      const commands =
        os === "linux"
          ? ["ls -l /dev/net/tun", "systemctl cat tailscaled", "sudo systemctl restart tailscaled", "tailscale status --json"]
          : os === "macos"
            ? ["pgrep -lf tailscaled", "open -a Tailscale", "tailscale status --json"]
            : ["Restart-Service Tailscale", "tailscale status --json"];
      return { summary: sentences(t.userspace, t.userspaceHow[os]), commands };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Docker publishing on loopback.

const SHORT_ENTRY = /^(?<lead>\s*(?:-\s*)?)(?<quote>["']?)(?<value>[^\s"'#]+)\k<quote>(?<tail>\s*(?:#.*)?)$/;
const HOST_IP_KEY = /(?<key>\bhost_ip\s*:\s*)(?<quote>["']?)(?<value>[^\s"',}#]+)\k<quote>/;
const UNSPECIFIED = new Set(["0.0.0.0", "::", "[::]"]);

/** Host IP and the rest of a short `ports:` value (`127.0.0.1:5432:5432`, `[::1]:6001:6001`, `::1:6000:6000`). */
function splitHostIp(value: string): { address: string; rest: string } | undefined {
  if (value.startsWith("[")) {
    const end = value.indexOf("]:");
    return end === -1 ? undefined : { address: value.slice(1, end), rest: value.slice(end + 2) };
  }
  const parts = value.split(":");
  if (parts.length < 3) return undefined;
  return { address: parts.slice(0, -2).join(":"), rest: parts.slice(-2).join(":") };
}

/**
 * For a compose `ports:` entry that publishes on one address, typically loopback: the entry that publishes on
 * every interface, and the command that applies it. Takes a short value (`127.0.0.1:5432:5432` gives
 * `5432:5432`), a whole YAML line (`  - "127.0.0.1:5432:5432"  # db` gives `  - "5432:5432"  # db`: indentation,
 * dash, quotes and comment kept, quotes added when missing) or the long syntax's `host_ip: 127.0.0.1`, alone or
 * in a flow map (made `host_ip: 0.0.0.0`). An entry without a host address comes back unchanged, with no command.
 */
export function dockerLoopbackFix(line: string): ComposePortFix {
  const t = FIX_TEXT.docker;
  const apply = ["docker compose up -d"];
  const unchanged: ComposePortFix = { summary: t.allInterfaces, commands: [], replacement: line };
  const hostIp = HOST_IP_KEY.exec(line);
  if (hostIp?.groups !== undefined) {
    const address = (hostIp.groups["value"] ?? "").replace(/^\[(.*)\]$/, "$1");
    if (UNSPECIFIED.has(address)) return unchanged;
    const quote = hostIp.groups["quote"] ?? "";
    const replacement = `${line.slice(0, hostIp.index)}${hostIp.groups["key"] ?? ""}${quote}0.0.0.0${quote}${line.slice(hostIp.index + hostIp[0].length)}`;
    return { summary: t.hostIp(address), commands: apply, replacement };
  }
  const entry = SHORT_ENTRY.exec(line)?.groups;
  const split = entry === undefined ? undefined : splitHostIp(entry["value"] ?? "");
  if (entry === undefined || split === undefined || UNSPECIFIED.has(split.address)) return unchanged;
  // `127.0.0.1::5432` (any host port) becomes `5432`.
  const published = split.rest.startsWith(":") ? split.rest.slice(1) : split.rest;
  const lead = entry["lead"] ?? "";
  // In a YAML line HOST:CONTAINER must be quoted: YAML 1.1 reads some unquoted pairs as base-60 numbers.
  const quote = entry["quote"] === "" && lead !== "" ? '"' : (entry["quote"] ?? "");
  return {
    summary: t.loopback({ published, address: split.address }),
    commands: apply,
    replacement: `${lead}${quote}${published}${quote}${entry["tail"] ?? ""}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Ports a user may not listen on.

/** Port below 1024 without root: what the OS allows, the check to run, and the port to use instead. */
export function privilegedPortFix(os: FixOs, port: number, suggestion?: number): FixText {
  checkPort(port);
  if (suggestion !== undefined) checkPort(suggestion);
  const t = FIX_TEXT.privileged;
  const instead = FIX_TEXT.suggestion(suggestion);
  switch (os) {
    case "linux":
      return { summary: sentences(t.linux(port), instead), commands: ["sysctl net.ipv4.ip_unprivileged_port_start"] };
    case "macos":
      return { summary: sentences(t.macos(port), instead), commands: [] };
    case "windows":
      return { summary: sentences(t.windows(port), instead), commands: ["netsh interface ipv4 show excludedportrange protocol=tcp", findHolder(os, port, false)] };
  }
}

/** Port inside a Windows excluded port range (`netsh ... show excludedportrange`): another port, or reserve it. */
export function excludedPortFix(port: number, range: ExcludedRange, suggestion?: number): FixText {
  checkPort(port);
  if (suggestion !== undefined) checkPort(suggestion);
  return {
    summary: sentences(FIX_TEXT.excluded({ port, from: range.from, to: range.to }), FIX_TEXT.suggestion(suggestion), FIX_TEXT.excludedReserve),
    commands: [
      "netsh interface ipv4 show excludedportrange protocol=tcp",
      "net stop winnat",
      `netsh int ipv4 add excludedportrange protocol=tcp startport=${port} numberofports=1`,
      "net start winnat",
    ],
  };
}
