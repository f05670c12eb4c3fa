import { twin } from "./twin.js";

/** A server's own error text, made one short line: it is said inside ours. */
const oneLine = (text: string): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

// status --source prometheus: why Prometheus gave no usable answer (observe/prometheus/prometheus-api.ts's problems),
// each one line naming the URL asked; and how a sample's age is said.
const en = {
  noUrl: "--source prometheus needs --prometheus-url URL (or SPARKPORT_PROMETHEUS_URL)",
  badSource: (given: string) => `--source must be probe or prometheus; got ${JSON.stringify(given)}`,
  badUrl: (given: string) => `--prometheus-url must be an http:// or https:// URL; got ${JSON.stringify(given)}`,
  offline: (url: string) => `--no-remote (or SPARKPORT_OFFLINE) keeps sparkport on this machine, and Prometheus at ${url} is not on it: drop one of the two`,
  unreachable: (url: string, detail: string) => `cannot reach Prometheus at ${url} (${oneLine(detail)})`,
  timeout: (url: string, ms: number) => `Prometheus at ${url} did not answer within ${ms} ms (raise --timeout)`,
  http: (url: string, status: number, detail: string | undefined) => `Prometheus at ${url} answered HTTP ${status}${detail === undefined ? "" : `: ${oneLine(detail)}`}`,
  notJson: (url: string) => `${url} answered with something that is not JSON: is it Prometheus's address?`,
  failed: (url: string, detail: string) => `Prometheus at ${url} reported an error: ${oneLine(detail)}`,
  shape: (url: string, detail: string) => `${url} answered JSON that is not a Prometheus API answer (${oneLine(detail)})`,
  /** Why the scrape intervals are not known (prometheus-interval-unknown's detail). */
  noIntervals: "/api/v1/targets gave no scrape interval",
  /** A sample's age: `800 ms`, `4 s`, `3 min`. */
  age: (ms: number) => (ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`),
};

export const prometheusWords = twin<typeof en>({
  en,
  ko: {
    noUrl: "--source prometheus에는 --prometheus-url URL(또는 SPARKPORT_PROMETHEUS_URL)이 필요합니다",
    badSource: (given) => `--source는 probe나 prometheus여야 합니다. 받은 값: ${JSON.stringify(given)}`,
    badUrl: (given) => `--prometheus-url은 http:// 또는 https:// URL이어야 합니다. 받은 값: ${JSON.stringify(given)}`,
    offline: (url) => `--no-remote(또는 SPARKPORT_OFFLINE)는 이 컴퓨터 밖으로 나가지 않게 하는데, ${url}의 Prometheus는 이 컴퓨터에 있지 않습니다: 둘 중 하나를 빼세요`,
    unreachable: (url, detail) => `${url}의 Prometheus에 연결할 수 없습니다 (${oneLine(detail)})`,
    timeout: (url, ms) => `${url}의 Prometheus가 ${ms} ms 안에 응답하지 않았습니다 (--timeout을 늘리세요)`,
    http: (url, status, detail) => `${url}의 Prometheus가 HTTP ${status}로 응답했습니다${detail === undefined ? "" : `: ${oneLine(detail)}`}`,
    notJson: (url) => `${url}의 응답이 JSON이 아닙니다: Prometheus의 주소가 맞습니까?`,
    failed: (url, detail) => `${url}의 Prometheus가 오류를 알렸습니다: ${oneLine(detail)}`,
    shape: (url, detail) => `${url}의 JSON 응답이 Prometheus API 응답의 형태가 아닙니다 (${oneLine(detail)})`,
    noIntervals: "/api/v1/targets에 수집 간격이 없습니다",
    age: (ms) => (ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${Math.round(ms / 1000)}초` : `${Math.round(ms / 60_000)}분`),
  },
});
