// Fixes are pure: nothing runs anything, and a command line is only split into words and quoted back.

import type { BindAllProgram } from "../programs/server-programs.js";
import type { OperatingSystem } from "../registry/schema.js";

export type FixOs = OperatingSystem;

export interface FixText {
  summary: string;
  /** No comments (zsh runs `#` as a command) and no placeholders; empty when there is nothing exact to run. */
  commands: string[];
}

export type BindProgram = BindAllProgram | "unknown";

// Every sentence a fix shows, so a translated table can replace this one; commands are program syntax and stay out.
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
