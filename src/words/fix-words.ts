// Every sentence a fix shows (fixes/*.ts), in each language; the commands are program syntax and stay out of here.
// doctor's fix texts and the scan's scan-loopback-bind advice are built from these. A program or OS missing from a
// table fails to compile where fixes/ index it (BindProgram, FixOs).

import { josa, particle } from "../findings/josa.js";
import { twin } from "./twin.js";

const en = {
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
    },
    loopbackOnly: (label: string) => `${label} listens on the loopback address only (127.0.0.1 or ::1), so other nodes are refused.`,
    restart: "Stop it and start it again with the command below: the same command, listening on every IPv4 address (0.0.0.0).",
    titleOnly: "Its process shows a title instead of its arguments, so start it again like this, adding your usual options:",
    powershell: "(Windows: the command is for PowerShell.)",
    note: {
      uvicorn: "",
      next: "If a package.json script starts it, put -H 0.0.0.0 in that script.",
      vite: "--host with no address also works (every address, IPv6 too), as does server.host: true in vite.config; to use a MagicDNS name add it to server.allowedHosts.",
      "http.server": "It serves the current folder to every node that can reach the port.",
      flask: "Never do this with the debugger on (--debug): it runs code for anyone who reaches the port.",
      django: "Also add the node's Tailscale address or name to ALLOWED_HOSTS in settings.py, or Django answers 400 Bad Request.",
      rails: 'To use a MagicDNS name, also add config.hosts << ".ts.net" to config/environments/development.rb.',
      comfyui: "",
      ollama: "",
      redis: "",
      postgres: "",
      unknown: "",
    },
    ollama: {
      shell: (port: number) => `Ollama takes its address from OLLAMA_HOST, not from an option: start it with OLLAMA_HOST=0.0.0.0:${port}.`,
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
    genericRewritten: "The command below replaces the loopback address in its arguments with 0.0.0.0; check that this option is the listening address.",
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
    },
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
      windows: "Tailscale on Windows uses the Wintun driver; without it, restart the service in an administrator PowerShell and reinstall Tailscale if TUN stays false.",
    },
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
    port === undefined ? "Use a free port in the team's range instead (sparkport next finds one)." : `Use port ${port} instead: it is free in the team's range.`,
};

const ko: typeof en = {
  stop: {
    holder: (a) => `${josa(a.command === undefined ? `PID ${a.pid}` : `${a.command} (PID ${a.pid})`, "이/가")} ${a.port} 포트를 쓰고 있습니다.`,
    unix: "첫 번째 명령으로 멈추려는 프로세스가 맞는지 확인하고 두 번째 명령으로 멈추세요. 몇 초 뒤에도 남아 있을 때만 세 번째 명령으로 강제 종료하세요 (kill -9는 프로세스에 정리할 기회를 주지 않습니다).",
    windows:
      "PowerShell에서 실행하세요. 첫 번째 명령으로 멈추려는 프로세스가 맞는지 확인하고 두 번째 명령으로 멈추세요. node나 python 같은 콘솔 프로그램은 이 요청을 자주 거부하므로, 그래도 남아 있으면 세 번째 명령(/F)으로 강제 종료하세요.",
    findstr: (port) =>
      `(netstat -ano | findstr :${port} 명령은 ${josa(String(port), "으로/로")} 시작하는 포트와, 원격 쪽이 이 포트를 쓰는 연결까지 찾습니다. Get-NetTCPConnection은 로컬 포트만 정확히 찾습니다.)`,
    unknownHolder: (port) =>
      `${port} 포트를 쓰는 프로세스가 여기서는 보이지 않습니다 (다른 사용자의 프로세스는 sudo나 관리자 권한이 있어야 보입니다). 아래 명령으로 찾아 kill PID(Windows: taskkill /PID PID)로 멈추고, 종료되지 않을 때만 kill -9 PID(taskkill /PID PID /F)로 강제 종료하세요.`,
    docker: (a) =>
      `${josa(a.command, "이/가")} Docker 컨테이너를 위해 ${a.port} 포트를 쓰고 있으니 이 프로세스를 종료하지 마세요. 첫 번째 명령으로 컨테이너를 찾고 두 번째 명령으로 멈추세요.`,
    serviceManager: (a) =>
      `PID 1(${a.manager})이 요청이 올 때 시작하는 서비스를 위해 ${a.port} 포트를 쓰고 있습니다. PID 1이 아니라 그 서비스를 멈추세요. 어떤 서비스인지는 아래 명령이 보여 줍니다.`,
    windowsSystem: (port) =>
      `PID 4는 Windows 자신(System)입니다. 드라이버가, 대개 IIS 같은 서비스를 대신해 HTTP.sys가 ${port} 포트를 쓰고 있습니다. 두 번째 명령이 HTTP.sys 등록 목록을 보여 줍니다. 프로세스가 아니라 등록한 서비스를 멈추세요.`,
    airplay: (port) =>
      `macOS의 AirPlay 수신 모드(ControlCenter)가 ${port} 포트를 쓰고 있습니다. 이 기능은 5000과 7000 포트에서 리스닝합니다. 시스템 설정 > 일반 > AirDrop 및 Handoff > AirPlay 수신 모드에서 끄거나 다른 포트를 쓰세요. ControlCenter는 종료해도 macOS가 다시 시작합니다.`,
    neverKills: "sparkport는 프로세스를 직접 멈추지 않습니다.",
  },
  bind: {
    label: {
      uvicorn: "uvicorn",
      next: "Next.js",
      vite: "Vite",
      "http.server": "Python http.server",
      flask: "Flask",
      django: "Django runserver",
      rails: "Rails",
      comfyui: "ComfyUI",
      ollama: "Ollama",
      redis: "Redis",
      postgres: "PostgreSQL",
      unknown: "이 프로그램",
    },
    loopbackOnly: (label) => `${josa(label, "은/는")} 루프백 주소(127.0.0.1 또는 ::1)에서만 리스닝하므로 다른 노드의 접속이 거부됩니다.`,
    restart: "프로그램을 멈추고 아래 명령으로 다시 시작하세요. 같은 명령이되, 모든 IPv4 주소(0.0.0.0)에서 리스닝합니다.",
    titleOnly: "이 프로세스는 인자 대신 제목만 보여 주므로, 평소 쓰는 옵션을 더해 다음처럼 다시 시작하세요:",
    powershell: "(Windows: 이 명령은 PowerShell용입니다.)",
    note: {
      uvicorn: "",
      next: "package.json의 스크립트로 시작한다면 그 스크립트에 -H 0.0.0.0을 넣으세요.",
      vite: "주소 없이 --host만 써도 됩니다(IPv6까지 모든 주소). vite.config의 server.host: true도 같습니다. MagicDNS 이름을 쓰려면 server.allowedHosts에 추가하세요.",
      "http.server": "현재 폴더를 이 포트에 닿는 모든 노드에 그대로 보여 줍니다.",
      flask: "디버거를 켠 상태(--debug)에서는 절대 이렇게 하지 마세요. 포트에 닿는 누구나 코드를 실행할 수 있게 됩니다.",
      django: "settings.py의 ALLOWED_HOSTS에도 노드의 Tailscale 주소나 이름을 추가하세요. 그러지 않으면 Django가 400 Bad Request로 응답합니다.",
      rails: 'MagicDNS 이름을 쓰려면 config/environments/development.rb에 config.hosts << ".ts.net"도 추가하세요.',
      comfyui: "",
      ollama: "",
      redis: "",
      postgres: "",
      unknown: "",
    },
    ollama: {
      shell: (port) => `Ollama는 옵션이 아니라 OLLAMA_HOST에서 주소를 읽습니다. OLLAMA_HOST=0.0.0.0:${josa(String(port), "으로/로")} 시작하세요.`,
      systemd: (port) =>
        `systemd 서비스라면 sudo systemctl edit ollama를 실행해 [Service] 아래에 Environment="OLLAMA_HOST=0.0.0.0:${port}"${particle(String(port), "을/를")} 추가한 뒤 sudo systemctl restart ollama를 실행하세요.`,
      macApp: "그다음 메뉴 막대에서 Ollama를 종료하고 다시 여세요.",
      windows: (port) =>
        `Ollama는 OLLAMA_HOST에서 주소를 읽습니다. 이 명령은 현재 사용자의 OLLAMA_HOST를 0.0.0.0:${josa(String(port), "으로/로")} 설정합니다. 트레이에서 Ollama를 종료하고 다시 시작하세요 (터미널에서 실행한 ollama serve는 새 터미널에서 다시 실행해야 합니다).`,
    },
    redis:
      "Redis는 비밀번호가 없으면 보호 모드(protected mode)에서 원격 클라이언트를 거부합니다. 먼저 비밀번호를 설정하세요 (--requirepass, 또는 redis.conf의 requirepass). redis.conf에서는 bind 0.0.0.0 줄이 같은 변경입니다.",
    postgres: (a) =>
      `${a.commandLine ? "명령줄이 주소를 지정하고 있고, 이것이 설정 파일보다 우선합니다. 첫 번째 명령으로 다시 시작하세요. " : ""}` +
      "listen_addresses = '*'로 설정하고(ALTER SYSTEM 명령이 postgresql.auto.conf에 씁니다), 테일넷 피어가 로그인할 수 있도록 pg_hba.conf에 host all all 100.64.0.0/10 scram-sha-256 줄을 추가한 뒤(파일 위치는 SHOW hba_file이 알려 줍니다) PostgreSQL을 재시작하세요. listen_addresses는 재시작해야만 바뀝니다.",
    generic:
      "프로그램이 127.0.0.1이나 ::1 대신 0.0.0.0(모든 IPv4 주소)이나 ::에서 리스닝하게 하세요. --host, --bind, --listen 같은 옵션이나 HOST 변수, 설정 파일의 host 항목을 찾아보세요.",
    genericRewritten: "아래 명령은 인자 속 루프백 주소를 0.0.0.0으로 바꾼 것입니다. 그 옵션이 정말 리스닝 주소인지 확인하세요.",
  },
  firewall: {
    macos: (port) =>
      `macOS 애플리케이션 방화벽은 포트(${port})가 아니라 프로그램 단위로 거릅니다. 방화벽이 켜져 있다면 "모든 수신 연결 차단"이 꺼져 있는지, 서버 프로그램이 앱 목록에서 허용되어 있는지 확인하세요.`,
    macosAllow: "마지막 두 명령은 리스닝하는 프로그램을 허용합니다.",
    macosNoProgram:
      "리스닝하는 프로그램을 허용하려면 그 프로그램의 전체 경로로 sudo /usr/libexec/ApplicationFirewall/socketfilterfw --add를 실행한 뒤, 같은 경로로 --unblockapp을 실행하세요.",
    windows: (port) =>
      `Windows Defender 방화벽은 허용하는 규칙이 없는 인바운드 연결을 버리고, 차단(Block) 규칙은 어떤 허용(Allow) 규칙보다 우선합니다 (프로그램을 처음 실행할 때 뜬 창을 닫으면 그 프로그램의 차단 규칙이 만들어집니다). 처음 명령들은 프로필, ${port} 포트의 규칙, 차단 규칙을 보여 줍니다. 마지막 명령은 관리자 PowerShell에서 테일넷 주소(100.64.0.0/10)의 TCP ${port} 연결만 허용합니다.`,
    linux: (port) =>
      `Linux 방화벽을 확인하세요: ufw(Ubuntu), nftables, firewalld. 아래 ufw 규칙은 Tailscale 인터페이스에서만 TCP ${josa(String(port), "을/를")} 허용합니다 (sudo ufw allow ${port}/tcp는 모든 인터페이스에서 엽니다).`,
    tailscaleAcl: (port) =>
      `테일넷 정책(관리 콘솔 > Access controls)도 이 노드로 가는 tcp:${josa(String(port), "을/를")} 허용해야 합니다. tailscale ping은 두 노드가 서로 보인다는 것만 확인해 줍니다.`,
  },
  tailscale: {
    stopped: "이 노드에서 Tailscale이 실행 중이 아닙니다 (BackendState가 Running이 아닙니다).",
    stoppedHow: {
      macos: "Tailscale 앱을 열고 Connect를 선택하세요. tailscale 명령은 CLI를 설치한 경우에만 있습니다 (Tailscale 설정 > CLI integration).",
      windows: "관리자 PowerShell에서 Tailscale 서비스를 시작하고 연결하세요.",
      linux: "tailscaled를 시작하고 연결하세요.",
    },
    needsLogin:
      "이 노드의 Tailscale에 로그인이 필요합니다 (BackendState NeedsLogin, 또는 키 만료). 앱으로 로그인하거나 tailscale login을 실행하세요. 열어야 할 URL을 알려 줍니다.",
    peerOffline: (peer) =>
      `${josa(peer ?? "상대 노드", "이/가")} 테일넷에서 오프라인입니다. 잠자기 상태이거나 꺼져 있거나, 그 머신의 Tailscale이 멈춰 있습니다. 그 머신에서 Tailscale을 시작해 연결한 뒤(아래 명령은 그 머신의 OS용입니다) 여기서 다시 확인하세요.`,
    macSleep: "다른 노드에 서비스를 제공하는 Mac mini는 잠자기 상태가 되면 안 됩니다: 시스템 설정 > 에너지 > 자동 잠자기 방지.",
    userspace:
      "tailscaled가 사용자 공간 네트워킹(TUN: false)으로 실행 중입니다. 다른 노드는 여전히 이 노드의 서비스에 접근할 수 있지만, 이 노드의 프로그램은 테일넷 주소에 직접 접근할 수 없습니다.",
    userspaceHow: {
      linux:
        "TUN 장치로 tailscaled를 실행하세요. 플래그에서 --tun=userspace-networking을 빼고(두 번째 명령이 플래그를 보여 줍니다. /etc/default/tailscaled의 FLAGS) /dev/net/tun이 있는지 확인하세요 (컨테이너에서는 --device /dev/net/tun --cap-add NET_ADMIN과 TS_USERSPACE=false). 아니면 그대로 두고 프로그램이 SOCKS5 프록시를 쓰게 하세요: tailscaled --socks5-server=localhost:1055, 그다음 ALL_PROXY=socks5://localhost:1055.",
      macos:
        "Tailscale 앱을 쓰거나(앱의 네트워크 확장이 TUN 장치입니다) --tun=userspace-networking 없이 sudo tailscaled를 실행하세요. 아니면 그대로 두고 프로그램이 SOCKS5 프록시를 쓰게 하세요: tailscaled --socks5-server=localhost:1055, 그다음 ALL_PROXY=socks5://localhost:1055.",
      windows: "Windows의 Tailscale은 Wintun 드라이버를 씁니다. 드라이버가 없다면 관리자 PowerShell에서 서비스를 재시작하고, 그래도 TUN이 false이면 Tailscale을 다시 설치하세요.",
    },
  },
  docker: {
    loopback: (a) =>
      `이 ports 항목은 ${josa(a.published, "을/를")} ${a.address}에만 게시하므로 다른 노드가 접근할 수 없습니다. 대신 "${a.published}"${particle(a.published, "으로/로")} 쓰고(모든 인터페이스. IPv4만이면 "0.0.0.0:${a.published}", 테일넷만이면 노드의 Tailscale 주소) compose 파일이 있는 폴더에서 docker compose up -d로 컨테이너를 다시 만드세요 (docker compose down은 필요 없습니다).`,
    hostIp: (address) =>
      `host_ip: ${josa(address, "은/는")} 이 포트를 그 주소에만 게시하므로 다른 노드가 접근할 수 없습니다. 대신 0.0.0.0으로 쓰고(또는 host_ip를 지우고) compose 파일이 있는 폴더에서 docker compose up -d로 컨테이너를 다시 만드세요.`,
    allInterfaces: "이 ports 항목은 특정 호스트 주소를 지정하지 않으므로 이미 모든 인터페이스에 게시합니다.",
  },
  privileged: {
    linux: (port) =>
      `${port} 포트는 1024보다 작습니다. Linux에서는 root나 CAP_NET_BIND_SERVICE 권한이 있는 프로그램만 이 포트에서 리스닝할 수 있습니다 (명령이 특권 포트가 어디까지인지 보여 줍니다).`,
    macos: (port) =>
      `${port} 포트는 1024보다 작습니다. macOS에서는 모든 주소(0.0.0.0 또는 ::)라면 어떤 사용자든 리스닝할 수 있지만, 127.0.0.1 같은 한 주소에서는 root만 리스닝할 수 있습니다.`,
    windows: (port) =>
      `Windows에는 특권 포트가 없습니다. ${port} 포트에서 리스닝이 거부된다면(WinError 10013, EACCES) 포트가 제외 범위에 있거나 다른 프로그램이 독점하고 있습니다. 명령으로 두 가지를 모두 확인하세요.`,
  },
  excluded: (a) =>
    `${a.port} 포트는 Windows가 제외한 범위 ${a.from}-${a.to}에 있습니다 (Hyper-V, WSL 2, Docker Desktop이 이런 범위를 대개 부팅할 때 예약합니다). 어떤 프로그램도 이 포트에서 리스닝할 수 없고, 오류는 접근이 금지되었다고 말합니다 (WinError 10013, EACCES).`,
  excludedReserve:
    "이 포트를 계속 쓰려면 관리자 PowerShell에서 NAT 드라이버를 멈추고, 포트를 직접 예약한 뒤 드라이버를 다시 시작하세요 (마지막 세 명령). 이렇게 예약한 포트에서는 프로그램이 리스닝할 수 있고, Windows가 더는 이 포트를 나눠 주지 않습니다.",
  suggestion: (port) =>
    port === undefined ? "대신 팀 범위의 빈 포트를 쓰세요 (sparkport next가 찾아 줍니다)." : `대신 ${port} 포트를 쓰세요. 팀 범위에서 비어 있습니다.`,
};

export const fixWords = twin<typeof en>({ en, ko });
