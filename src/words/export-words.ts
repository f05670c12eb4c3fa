import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

const en = {
  unknownTarget: (target: string) => `unknown export target "${target}"`,
  targets: "Targets",
  unknownFormat: (format: string) => `unknown --format "${format}"`,
  formats: "Formats",
  created: (file: string, count: number) => `created ${file} (${count} targets)`,
  updated: (file: string, count: number) => `wrote ${file} (${count} targets)`,
  unchanged: (file: string, count: number) => `${file} already matches the registry (${count} targets); nothing was written`,
  udpSkipped: (ports: string) => `left out (UDP; the blackbox exporter has no UDP probe): ${ports}`,
};

export const exportWords = twin<typeof en>({
  en,
  ko: {
    unknownTarget: (target) => `알 수 없는 내보내기 대상 "${target}"입니다`,
    targets: "쓸 수 있는 대상",
    unknownFormat: (format) => `알 수 없는 --format "${format}"입니다`,
    formats: "쓸 수 있는 형식",
    created: (file, count) => `${josa(file, "을/를")} 만들었습니다 (대상 ${count}개)`,
    updated: (file, count) => `${josa(file, "을/를")} 새로 썼습니다 (대상 ${count}개)`,
    unchanged: (file, count) => `${file} 파일이 이미 레지스트리와 일치합니다 (대상 ${count}개). 아무것도 쓰지 않았습니다`,
    udpSkipped: (ports) => `빠진 포트 (UDP, blackbox exporter에는 UDP 검사가 없음): ${ports}`,
  },
});
