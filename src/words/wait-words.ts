import { josa } from "../findings/josa.js";
import { KO_PROBE_STATE } from "./probe-state-words.js";
import { twin } from "./twin.js";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** The last look in Korean: a probe state or a connection error's code as words; `HTTP 503` stays as it is. */
const KO_LOOK: Readonly<Record<string, string>> = {
  ...KO_PROBE_STATE,
  ECONNREFUSED: "연결 거부",
  ECONNRESET: "연결 끊김",
  ETIMEDOUT: "시간 초과",
  ETIMEOUT: "시간 초과",
  TimeoutError: "시간 초과",
  ENOTFOUND: "이름을 찾을 수 없음",
  EAI_AGAIN: "이름 확인 실패",
  EHOSTUNREACH: "호스트에 도달할 수 없음",
  ENETUNREACH: "네트워크에 도달할 수 없음",
  EPERM: "방화벽이 막음",
  EACCES: "방화벽이 막음",
};

const en = {
  /** The last look (a probe state, `HTTP 503`, ECONNREFUSED) as shown after "last:". */
  lastLook: (last: string) => last,
  noTarget: "nothing to wait for: sparkport wait <service|node:port|host:port|URL...>",
  noCommand: "-- with no command after it: sparkport wait <target...> -- <command...>",
  notHttp: (url: string, scheme: string) => `${url}: wait asks URLs over http or https only; give the ${scheme} server's host:port instead`,
  freeUrl: (url: string) => `--free waits for a port to close, not for a URL: give ${url}'s host:port instead`,
  remoteOff: (target: string) => `${target} is on another node and remote probes are off (--no-remote or SPARKPORT_OFFLINE)`,
  ready: (label: string, ms: number) => `✔ ${label} ready after ${seconds(ms)}`,
  freed: (label: string, ms: number) => `✔ ${label} free after ${seconds(ms)}`,
  notReady: (label: string, last: string | null) => `✖ ${label} not ready${last === null ? "" : ` (last: ${last})`}`,
  notFreed: (label: string, last: string | null) => `✖ ${label} still listening${last === null ? "" : ` (last: ${last})`}`,
  timedOut: (count: number, timeoutMs: number) => `timed out after ${seconds(timeoutMs)}: ${count} not ready`,
  starting: (count: number, ms: number, program: string) => `▶ ${count === 1 ? "ready" : `all ${count} ready`} after ${seconds(ms)}: starting ${program}`,
};

export const waitWords = twin<typeof en>({
  en,
  ko: {
    lastLook: (last) => last.replace(/[\w|-]+/g, (word) => KO_LOOK[word] ?? word),
    noTarget: "기다릴 대상이 없습니다: sparkport wait <서비스|node:port|host:port|URL...>",
    noCommand: "-- 뒤에 명령이 없습니다: sparkport wait <대상...> -- <명령...>",
    notHttp: (url, scheme) => `${url}: wait는 http나 https URL만 확인합니다. ${scheme} 서버라면 host:port를 주세요`,
    freeUrl: (url) => `--free는 포트가 닫히기를 기다리며 URL에는 쓸 수 없습니다: ${url} 대신 host:port를 주세요`,
    remoteOff: (target) => `${josa(target, "은/는")} 다른 노드에 있는데 원격 확인이 꺼져 있습니다 (--no-remote 또는 SPARKPORT_OFFLINE)`,
    ready: (label, ms) => `✔ ${label} 준비됨 (${seconds(ms)})`,
    freed: (label, ms) => `✔ ${label} 비었음 (${seconds(ms)})`,
    notReady: (label, last) => `✖ ${label} 준비 안 됨${last === null ? "" : ` (마지막 결과: ${last})`}`,
    notFreed: (label, last) => `✖ ${label} 아직 사용 중${last === null ? "" : ` (마지막 결과: ${last})`}`,
    timedOut: (count, timeoutMs) => `${seconds(timeoutMs)} 동안 기다렸지만 ${count}개가 준비되지 않았습니다`,
    starting: (count, ms, program) => `▶ ${count === 1 ? "준비됨" : `${count}개 모두 준비됨`} (${seconds(ms)}): ${josa(program, "을/를")} 시작합니다`,
  },
});
