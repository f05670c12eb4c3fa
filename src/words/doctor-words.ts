import { josa, particle } from "../findings/josa.js";
import { koState } from "../findings/korean-terms.js";
import { plural } from "../util/plural.js";
import { twin } from "./twin.js";

// What doctor prints around its findings (commands/doctor/doctor-text.ts) and what its checks (diagnose/) write for
// a person: the evidence lines, the list of what was checked, a skipped check's name and reason. Probe states,
// addresses, PIDs and command lines stay as observed.

/** Evidence: what a check saw, one line each. */
const seen = {
  listening: (what: string) => `listening: ${what}`,
  commandLine: (commandLine: string) => `command line: ${commandLine}`,
  noListener: (a: { port: number; source: string }) => `no listener on ${a.port} in the socket table (${a.source})`,
  bind: (a: { target: string; state: string }) => `bind ${a.target}: ${a.state}`,
  probe: (a: { target: string; state: string }) => `probe ${a.target}: ${a.state}`,
  probeTimed: (a: { target: string; state: string; ms: number; code: string | undefined }) =>
    `probe ${a.target}: ${a.state} after ${a.ms} ms${a.code === undefined ? "" : ` (${a.code})`}`,
  tailscaleHere: (a: { backendState: string; userspace: boolean }) =>
    `tailscale here: BackendState ${a.backendState}${a.userspace ? ", TUN false (userspace networking)" : ""}`,
  tailscalePeer: (a: { peer: string; online: boolean }) => `tailscale peer ${a.peer}: ${a.online ? "online" : "offline"}`,
  tailscalePing: (a: { host: string; state: string }) => `tailscale ping ${a.host}: ${a.state}`,
  tailscalePingFailed: (host: string) => `tailscale ping ${host} failed`,
  /** What the node's `sparkport serve` reports (sparkport_service_bind_scope, sparkport_service_holder_info). */
  served: (a: { url: string; scopes: readonly string[]; holder: string }) =>
    `${a.url}: bound on ${a.scopes.join(", ")}${a.holder === "" ? "" : `, held by ${a.holder}`}`,
};

export type SeenWords = typeof seen;

/** Evidence in JSON is English in every language: a command's JSON is the same in each but for message and fix. */
export const SEEN_IN_JSON: SeenWords = seen;

const en = {
  heading: (a: { input: string; subject: string; where: string }) => `doctor ${a.input}: ${a.subject} on ${a.where}`,
  port: (port: number) => `port ${port}`,
  /** Where doctor runs from: this machine's node, else this. */
  from: (thisNode: string | null) => thisNode ?? "an unregistered machine",
  where: {
    host: (host: string, from: string) => `${host}, from ${from}`,
    here: (thisNode: string | null) => `this machine${thisNode === null ? "" : ` (${thisNode})`}`,
    local: (node: string) => `${node} (this machine)`,
    remote: (node: string, from: string) => `${node}, from ${from}`,
  },
  pasted: (a: { kind: string; quote: string }) => `pasted error: ${a.kind} (${a.quote})`,
  /** diagnose/parse-error-text.ts's kinds; the English names them by the kind itself. */
  kind: {
    "address-in-use": "address-in-use",
    "connection-refused": "connection-refused",
    timeout: "timeout",
    "host-unreachable": "host-unreachable",
    "permission-denied": "permission-denied",
    "address-not-available": "address-not-available",
    "host-not-found": "host-not-found",
  },
  at: (location: string) => `at ${location}`,
  observed: (evidence: string) => `observed: ${evidence}`,
  /** After a holder's commands, the alternative to stopping it. */
  instead: (port: number) => `# or take a free port instead: ${port}`,
  checked: (checks: readonly string[]) => `checked: ${checks.join("; ")}`,
  problem: "problem diagnosed; doctor changed nothing",
  warned: "nothing broken, but read the warning above; doctor changed nothing",
  healthy: "no problem found",
  /** What doctor checked (diagnose/doctor-context.ts's DoctorCheck). */
  ran: {
    listeners: "what listens on this machine",
    holders: "who holds the port here",
    localhost: "each address localhost resolves to",
    connect: (a: { target: string; fromHere: boolean }) => `a TCP connection ${a.fromHere ? "from here " : ""}to ${a.target}`,
    files: (a: { kind: string; count: number }) => plural(a.count, `${a.kind} file`),
    dockerPs: "docker ps",
    serveMetrics: (url: string) => `the node's sparkport serve (${url})`,
  },
  seen,
  /** doctor-check-skipped's check and reason; docker's own stderr stays as it is. */
  skipped: {
    docker: "Docker",
    remote: "remote probe",
    offline: "offline mode (--no-remote or SPARKPORT_OFFLINE=1)",
    noDocker: "the docker CLI is not installed here",
    dockerFailed: (code: string) => `docker ps failed (${code})`,
    dockerExited: (code: string) => `docker ps exited with ${code}`,
  },
};

const BIND_STATE: Readonly<Record<string, string>> = {
  free: "비어 있음(free)",
  "in-use": "사용 중(in-use)",
  absent: "주소 없음(absent)",
  denied: "거부됨(denied)",
  error: "오류(error)",
};

// sparkport_service_bind_scope's scopes, as `serve` names them.
const SCOPE: Readonly<Record<string, string>> = {
  all: "모든 주소(all)",
  loopback: "루프백(loopback)",
  "node-address": "노드 주소(node-address)",
};

const PING_STATE: Readonly<Record<string, string>> = {
  direct: "직접 연결(direct)",
  derp: "DERP 중계(derp)",
  timeout: "시간 초과(timeout)",
  stopped: "중지됨(stopped)",
  unknown: "알 수 없음(unknown)",
};

export const doctorWords = twin<typeof en>({
  en,
  ko: {
    heading: (a) => `doctor ${a.input}: ${a.subject} — ${a.where}`,
    port: (port) => `${port} 포트`,
    from: (thisNode) => (thisNode === null ? "등록되지 않은 머신" : `${thisNode} 노드`),
    where: {
      host: (host, from) => `${host} (${from}에서 확인)`,
      here: (thisNode) => `이 머신${thisNode === null ? "" : ` (${thisNode} 노드)`}`,
      local: (node) => `${node} 노드 (이 머신)`,
      remote: (node, from) => `${node} 노드 (${from}에서 확인)`,
    },
    pasted: (a) => `붙여 넣은 오류: ${a.kind} (${a.quote})`,
    kind: {
      "address-in-use": "이미 사용 중인 주소(address-in-use)",
      "connection-refused": "연결 거부(connection-refused)",
      timeout: "시간 초과(timeout)",
      "host-unreachable": "호스트 도달 불가(host-unreachable)",
      "permission-denied": "권한 없음(permission-denied)",
      "address-not-available": "쓸 수 없는 주소(address-not-available)",
      "host-not-found": "호스트를 찾을 수 없음(host-not-found)",
    },
    at: (location) => `위치: ${location}`,
    observed: (evidence) => `관찰: ${evidence}`,
    instead: (port) => `# 또는 대신 빈 포트 ${josa(String(port), "을/를")} 쓰세요`,
    checked: (checks) => `확인한 항목: ${checks.join(", ")}`,
    problem: "문제를 찾았습니다. doctor는 아무것도 바꾸지 않았습니다",
    warned: "고장 난 곳은 없지만 위의 경고를 읽어 보세요. doctor는 아무것도 바꾸지 않았습니다",
    healthy: "문제를 찾지 못했습니다",
    ran: {
      listeners: "이 머신에서 리스닝 중인 소켓",
      holders: "이 머신에서 포트를 쓰는 프로세스",
      localhost: "localhost가 가리키는 각 주소",
      connect: (a) => `${a.fromHere ? "이 머신에서 " : ""}${a.target}${particle(a.target, "으로/로")}의 TCP 연결`,
      files: (a) => `${a.kind} 파일 ${a.count}개`,
      dockerPs: "docker ps",
      serveMetrics: (url) => `노드의 sparkport serve (${url})`,
    },
    seen: {
      listening: (what) => `리스닝 중: ${what}`,
      commandLine: (commandLine) => `명령줄: ${commandLine}`,
      noListener: (a) => `소켓 테이블(${a.source})에 ${a.port} 포트의 리스너가 없음`,
      bind: (a) => `바인딩 시험 ${a.target}: ${BIND_STATE[a.state] ?? a.state}`,
      probe: (a) => `프로브 ${a.target}: ${koState(a.state)}`,
      probeTimed: (a) => `프로브 ${a.target}: ${a.ms} ms 만에 ${koState(a.state)}${a.code === undefined ? "" : ` (${a.code})`}`,
      tailscaleHere: (a) => `이 머신의 tailscale: BackendState ${a.backendState}${a.userspace ? ", TUN false (사용자 공간 네트워킹)" : ""}`,
      tailscalePeer: (a) => `tailscale 피어 ${a.peer}: ${a.online ? "온라인" : "오프라인"}`,
      tailscalePing: (a) => `tailscale ping ${a.host}: ${PING_STATE[a.state] ?? a.state}`,
      tailscalePingFailed: (host) => `tailscale ping ${host} 실행 실패`,
      served: (a) => `${a.url}: 바인드 범위 ${a.scopes.map((s) => SCOPE[s] ?? s).join(", ")}${a.holder === "" ? "" : `, 사용 중인 프로세스 ${a.holder}`}`,
    },
    skipped: {
      docker: "Docker",
      remote: "원격 프로브",
      offline: "오프라인 모드입니다 (--no-remote 또는 SPARKPORT_OFFLINE=1)",
      noDocker: "이 머신에 docker CLI가 설치되어 있지 않습니다",
      dockerFailed: (code) => `docker ps가 실패했습니다 (${code})`,
      dockerExited: (code) => `docker ps가 종료 코드 ${code}${particle(code, "으로/로")} 끝났습니다`,
    },
  },
});
