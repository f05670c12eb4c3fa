import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

const en = {
  listening: (url: string, node: string) => `serving ${node}'s ports at ${url} (/metrics, /targets, /); Ctrl-C stops`,
  stopped: (signal: string, scrapes: number) => `stopped on ${signal} after ${scrapes} scrape${scrapes === 1 ? "" : "s"} of /metrics`,
  held: (port: number, holders: string) => `port ${port} is in use by ${holders}; serve did not start`,
  heldUnseen: (port: number) => `port ${port} is in use by a process this user cannot see; serve did not start`,
  registered: (port: number, owner: string, node: string) => `port ${port} on ${node} is registered to ${owner}; serve did not start (give --listen a port of its own)`,
  noNode: "serve answers for the node this machine is, and it is none of the registry's: give --this-node or SPARKPORT_NODE",
  noOwnPort: (node: string) => `no service on ${node} is started by \`sparkport serve\`: register one (its start: sparkport serve) or give --listen ADDR:PORT`,
  notAddress: (raw: string) => `--listen "${raw}": the address must be an IP address, e.g. 127.0.0.1:9097 or [::1]:9097`,
  cannotListen: (where: string, reason: string) => `cannot listen on ${where}: ${reason}`,
  reloadFailed: (file: string, problem: string) => `${file} changed but cannot be read; serving its last good contents: ${problem}`,
  reloaded: (file: string) => `${file} read again`,
  page: {
    title: (node: string) => `sparkport: ports of ${node}`,
    registry: (file: string, sha: string) => `registry ${file} (sha256 ${sha})`,
    reloadFailed: (problem: string) => `the registry changed but could not be read; these are its last good contents: ${problem}`,
    header: ["service", "environment", "port", "protocol", "declared", "listening", "bound on", "held by"],
    yes: "yes",
    no: "no",
    none: "none",
  },
};

export const serveWords = twin<typeof en>({
  en,
  ko: {
    listening: (url, node) => `${node} 노드의 포트를 ${url}에서 알려 줍니다 (/metrics, /targets, /). Ctrl-C로 멈춥니다`,
    stopped: (signal, scrapes) => `${signal} 신호로 멈췄습니다 (/metrics 수집 ${scrapes}번)`,
    held: (port, holders) => `${port} 포트를 ${holders}에서 쓰고 있습니다. serve를 시작하지 않았습니다`,
    heldUnseen: (port) => `${port} 포트를 이 사용자가 볼 수 없는 프로세스가 쓰고 있습니다. serve를 시작하지 않았습니다`,
    registered: (port, owner, node) => `${node} 노드의 ${port} 포트는 ${owner}에 등록되어 있습니다. serve를 시작하지 않았습니다 (--listen에 serve 자신의 포트를 주세요)`,
    noNode: "serve는 이 머신이 어느 노드인지 알아야 하는데, 레지스트리의 어느 노드도 아닙니다. --this-node 또는 SPARKPORT_NODE를 주세요",
    noOwnPort: (node) => `${node} 노드에 \`sparkport serve\`로 시작하는 서비스가 없습니다. 하나를 등록하거나 (start: sparkport serve) --listen ADDR:PORT를 주세요`,
    notAddress: (raw) => `--listen "${raw}": 주소는 IP 주소여야 합니다 (예: 127.0.0.1:9097, [::1]:9097)`,
    cannotListen: (where, reason) => `${josa(where, "을/를")} 열 수 없습니다: ${reason}`,
    reloadFailed: (file, problem) => `${josa(file, "이/가")} 바뀌었지만 읽을 수 없어, 마지막으로 읽은 내용으로 알려 줍니다: ${problem}`,
    reloaded: (file) => `${josa(file, "을/를")} 다시 읽었습니다`,
    page: {
      title: (node) => `sparkport: ${node} 노드의 포트`,
      registry: (file, sha) => `레지스트리 ${file} (sha256 ${sha})`,
      reloadFailed: (problem) => `레지스트리가 바뀌었지만 읽지 못했습니다. 마지막으로 읽은 내용입니다: ${problem}`,
      header: ["서비스", "환경", "포트", "프로토콜", "선언된 상태", "수신 중", "바인드 주소", "점유 프로세스"],
      yes: "예",
      no: "아니요",
      none: "없음",
    },
  },
});
