import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

/** What a name given on the command line must be one of (util/require-known.ts). */
export type NameKind = "team" | "node" | "environment" | "service" | "status" | "reservation" | "protocol" | "access scope";

// A name that is not in its list: the sentence that says so, the close name, then the list (util/unknown-name.ts).
const en = {
  unknown: (kind: NameKind, value: string, from: string) => `unknown ${kind} "${value}"${from === "" ? "" : ` (${from})`}`,
  known: (_kind: NameKind) => "Known",
  thisMachine: "this machine, from --this-node or SPARKPORT_NODE",
  noTarget: (value: string) => `no service, port, host:port or URL "${value}"`,
  services: "Services",
  noEnvironment: (service: string, env: string) => `${service} has no environment "${env}"`,
  itsEnvironments: "Its environments",
  noService: (value: string) => `no service "${value}"`,
  noServiceOrReservation: (value: string) => `no service or reservation "${value}"`,
  servicesAndReservations: "Known",
  /** The end of the sentence: a period, or the close name offered. */
  end: (suggestion: string | undefined) => (suggestion === undefined ? "." : `; did you mean "${suggestion}"?`),
  list: (label: string, names: readonly string[]) => (names.length === 0 ? "None is declared." : `${label}: ${names.join(", ")}.`),
};

const KIND: { readonly [K in NameKind]: string } = {
  team: "팀",
  node: "노드",
  environment: "환경",
  service: "서비스",
  status: "상태",
  reservation: "예약",
  protocol: "프로토콜",
  "access scope": "접근 범위",
};

export const unknownNameWords = twin<typeof en>({
  en,
  ko: {
    unknown: (kind, value, from) => `알 수 없는 ${KIND[kind]} "${value}"입니다${from === "" ? "" : ` (${from})`}`,
    // ports.yaml declares teams, nodes, environments, services and reservations; the other kinds are sparkport's own values.
    known: (kind) => `${kind === "status" || kind === "protocol" || kind === "access scope" ? "쓸 수 있는" : "선언된"} ${KIND[kind]}`,
    thisMachine: "이 머신, --this-node 또는 SPARKPORT_NODE에서 지정",
    noTarget: (value) => `"${value}"에 해당하는 서비스, 포트, host:port, URL이 없습니다`,
    services: "서비스",
    noEnvironment: (service, env) => `${service}에는 "${env}" 환경이 없습니다`,
    itsEnvironments: "이 서비스의 환경",
    noService: (value) => `"${value}" 서비스가 없습니다`,
    noServiceOrReservation: (value) => `"${value}" 서비스나 예약이 없습니다`,
    servicesAndReservations: "서비스와 예약",
    end: (suggestion) => (suggestion === undefined ? "." : `. 혹시 "${suggestion}"인가요?`),
    list: (label, names) => (names.length === 0 ? `${josa(label, "이/가")} 없습니다.` : `${label}: ${names.join(", ")}.`),
  },
});
