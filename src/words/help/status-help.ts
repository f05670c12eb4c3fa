import { twin } from "../twin.js";
import { serviceFiltersHelp } from "./service-filters-help.js";

const en = {
  description: "probe every registered service on its node, or read Prometheus's probes of them; declared against observed",
  arguments: {},
  options: {
    ...serviceFiltersHelp.en,
    concurrency: "sockets open at once (default: from the open-file limit)",
    source: "probe: probe from here (the default); prometheus: read the blackbox exporter's samples from Prometheus",
    prometheusUrl: "Prometheus's address for --source prometheus (or SPARKPORT_PROMETHEUS_URL)",
  },
};

export const statusHelp = twin<typeof en>({
  en,
  ko: {
    description: "등록된 모든 서비스를 그 노드에서 프로브하거나 Prometheus의 프로브 결과를 읽어, 선언된 상태와 실제로 본 상태를 비교합니다",
    arguments: {},
    options: {
      ...serviceFiltersHelp.ko,
      concurrency: "동시에 여는 소켓 수 (기본값: 열린 파일 수 제한에서 정함)",
      source: "probe: 이 머신에서 프로브(기본값), prometheus: Prometheus에서 blackbox exporter의 샘플을 읽음",
      prometheusUrl: "--source prometheus에서 읽을 Prometheus 주소 (또는 SPARKPORT_PROMETHEUS_URL)",
    },
  },
});
