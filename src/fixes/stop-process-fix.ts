import { checkPid, checkPort, sentences } from "./fix-helpers.js";
import type { FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

export function findHolder(os: FixOs, port: number, sudo: boolean): string {
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

// Exact port match (findstr on Windows matches prefixes), then kill, then the forced form. Holders that must not be
// killed (Docker's proxy, PID 1, Windows' PID 4, macOS's AirPlay Receiver) get what to do instead.
export function stopProcessFix(os: FixOs, pid: number | undefined, port: number, command?: string): FixText {
  checkPort(port);
  checkPid(pid);
  const t = fixWords().stop;
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
