import { plural } from "../util/plural.js";
import { twin } from "./twin.js";

const en = {
  /** The comments of the starter ports.yaml, a line each; keys and values stay as the schema reads them. */
  comments: {
    header: ["Port registry: which service owns which port, on which machine.", "Register a service here before you start it; `sparkport lint` checks this file."],
    nodes: ["The machines. Services name a node by its key, never by address."],
    teams: ["Who owns which ports. A port outside its team's ranges is a lint error,", "unless the service declares an exception with its reason."],
    environments: ["Each environment runs a service on its base port plus an offset."],
    reservations: ["Ports held for later, with no service yet."],
    scan: [
      "What `sparkport lint` checks besides this file: the project's .env, compose,",
      "Docker and script files. `nodes` says which machine a file's host-less ports",
      "(PORT=8020, localhost:3020) live on.",
    ],
    /** After the starter's API port (8020). */
    apiPort: "dev; test is 8021, staging 8030",
    /** Above a proposed service: where the project's files use its port. */
    foundIn: (where: string) => `found in ${where}`,
  },
  /** After the references named: how many are not. */
  more: (n: number) => `${n} more`,
  noPorts: "the project's files use no port on this machine: the plain starter instead",
  proposed: (node: string) => `proposed from the project's files, on node ${node} (this machine):`,
  header: ["SERVICE", "PORT", "PROTOCOL", "TEAM", "ACCESS", "FOUND IN"],
  dryRun: (file: string, exists: boolean) =>
    `dry run: ${file} not written${exists ? ` (${file} exists: --force replaces it)` : ""}; the registry it would hold is on stdout`,
  /** `services` is the number proposed, 0 for the plain starter. */
  written: (file: string, replaced: boolean, services: number) =>
    `${replaced ? "replaced" : "created"} ${file}${services === 0 ? "" : ` with ${plural(services, "service")}`}; ` +
    `${services === 0 ? "edit it" : "check the names, teams and access"}, then run \`sparkport lint\``,
};

export const initWords = twin<typeof en>({
  en,
  ko: {
    comments: {
      header: ["포트 레지스트리: 어떤 서비스가 어느 머신의 어떤 포트를 쓰는지 적습니다.", "서비스를 시작하기 전에 여기에 먼저 등록하세요. `sparkport lint`가 이 파일을 검사합니다."],
      nodes: ["머신(노드) 목록입니다. 서비스는 주소가 아니라 키로 노드를 가리킵니다."],
      teams: ["팀별 포트 범위입니다. 팀 범위를 벗어난 포트는 lint 오류입니다.", "꼭 필요하면 서비스에 exceptions로 이유와 함께 예외를 선언하세요."],
      environments: ["환경별 포트: 서비스는 환경마다 기본 포트에 오프셋을 더한 포트에서 실행됩니다."],
      reservations: ["아직 서비스 없이 향후 사용을 위해 예약해 둔 포트입니다."],
      scan: [
        "`sparkport lint`가 이 파일 말고도 검사하는 프로젝트의 .env, compose, Docker,",
        "스크립트 파일입니다. `nodes`는 호스트 없이 적힌 포트(PORT=8020, localhost:3020)가",
        "어느 머신의 포트인지 정합니다.",
      ],
      apiPort: "dev 포트입니다. test는 8021, staging은 8030",
      foundIn: (where) => `찾은 곳: ${where}`,
    },
    more: (n) => `그 밖에 ${n}곳`,
    noPorts: "프로젝트 파일에서 이 머신의 포트를 찾지 못해 기본 시작 파일을 씁니다",
    proposed: (node) => `프로젝트 파일에서 찾아 제안하는 서비스 (${node} 노드, 이 머신):`,
    header: ["서비스", "포트", "프로토콜", "팀", "접근 범위", "찾은 곳"],
    dryRun: (file, exists) =>
      `시험 실행: ${file} 파일을 쓰지 않았습니다${exists ? ` (${file} 파일이 이미 있습니다: --force로 바꿀 수 있습니다)` : ""}. 쓰려던 레지스트리는 stdout에 출력했습니다`,
    written: (file, replaced, services) =>
      `${file} 파일을 ${replaced ? "새로 썼습니다" : "만들었습니다"}${services === 0 ? "" : ` (서비스 ${services}개)`}. ` +
      `${services === 0 ? "내용을 고친 뒤" : "서비스 이름, 팀, 접근 범위를 확인한 뒤"} \`sparkport lint\`를 실행하세요`,
  },
});
