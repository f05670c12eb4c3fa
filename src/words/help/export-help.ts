import { twin } from "../twin.js";

const en = {
  description: "write the registry's ports as Prometheus service discovery JSON, for the blackbox exporter to probe",
  arguments: { target: "what to export for: prometheus" },
  options: {
    format: "file_sd (a file Prometheus watches) or http_sd (the same JSON, as `serve` answers on /targets)",
    write: "write the JSON to this file atomically, and only when it changed",
  },
};

export const exportHelp = twin<typeof en>({
  en,
  ko: {
    description: "레지스트리의 포트를 Prometheus 서비스 디스커버리 JSON으로 내보냅니다 (blackbox exporter가 검사할 대상)",
    arguments: { target: "내보낼 대상: prometheus" },
    options: {
      format: "file_sd (Prometheus가 지켜보는 파일) 또는 http_sd (같은 JSON, `serve`가 /targets에서 주는 것)",
      write: "JSON을 이 파일에 원자적으로 씀, 바뀌었을 때만",
    },
  },
});
