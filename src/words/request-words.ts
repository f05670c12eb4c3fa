import { josa } from "../findings/josa.js";
import { koState } from "../findings/korean-terms.js";
import { twin } from "./twin.js";

/** What allocate checked before writing (commands/allocate/check-ports.ts's AllocationCheck), as the form lists it. */
interface CheckSaid {
  reservation: (a: { name: string; port: number }) => string;
  nextFree: (a: { team: string; port: number }) => string;
  table: (a: { ports: readonly number[]; node: string; taken: boolean }) => string;
  local: (a: { node: string; port: number; held: boolean }) => string;
  probe: (a: { host: string; port: number; state: string }) => string;
  notProbed: (a: { node: string; port: number }) => string;
}

/** The request form's values, language-neutral; each language lays them out as its form does. */
export interface RequestForm {
  title: string;
  team: string;
  teamName: string | undefined;
  service: string;
  /** dev first. */
  ports: readonly (readonly [env: string, port: number])[];
  purpose: string | undefined;
  node: string;
  nodeLabel: string | undefined;
  address: string | undefined;
  access: string;
  /** The access scope in the run's language (render/sections.ts's WORDS). */
  accessText: string;
  priority: "high" | "medium" | "low";
  checks: readonly { text: string; passed: boolean }[];
  refusals: readonly { code: string; message: string }[];
  registry: string;
}

const box = (checked: boolean, text: string): string => `- [${checked ? "x" : " "}] ${text}`;

const wanted = (ports: RequestForm["ports"]): string => ports.map(([env, port]) => (env === "dev" ? String(port) : `${env} ${port}`)).join(", ");

const enCheck: CheckSaid = {
  reservation: (a) => `reservation ${a.name} (${a.port}): becomes this service, in the same edit`,
  nextFree: (a) => `next free port in team ${a.team}'s ranges: ${a.port}`,
  table: (a) => `allocation table: ${a.ports.join(", ")} ${a.taken ? "already allocated or reserved" : "not allocated or reserved"} on ${a.node}`,
  local: (a) => `this machine (${a.node}): ${a.port} ${a.held ? "held" : "free"}`,
  probe: (a) => `probe ${a.host}:${a.port} from here: ${a.state}`,
  notProbed: (a) => `${a.node}:${a.port} not probed (offline mode)`,
};

// `request`'s issue (commands/request/request.ts): its title, and the body in the layout of each language's form.
// The Korean one is the guide's own port request form (포트 할당 요청 양식), with the checks sparkport ran.
const en = {
  title: (a: { service: string; team: string }) => `[Port allocation] ${a.service} - ${a.team}`,
  check: enCheck,
  body: (f: RequestForm) => {
    const priority = { high: "high (now)", medium: "medium (within a week)", low: "low (later)" }[f.priority];
    return [
      `## ${f.title}`,
      "",
      `- **Team**: ${f.team}${f.teamName === undefined ? "" : ` (${f.teamName})`}`,
      `- **Service**: ${f.service}`,
      `- **Wanted port**: ${wanted(f.ports)}`,
      `- **Purpose**: ${f.purpose ?? "(to fill in)"}`,
      `- **Node**: ${f.node}${f.address === undefined ? "" : ` (${f.nodeLabel ?? f.node}, ${f.address})`}`,
      `- **Access scope**: ${f.accessText}`,
      `- **Priority**: ${priority}`,
      "",
      "### Conflict check",
      "",
      ...f.checks.map((c) => box(c.passed, c.text)),
      ...f.refusals.map((r) => box(false, `${r.code}: ${r.message}`)),
      "",
      `_Filled in by \`sparkport request\` from ${f.registry}._`,
      "",
    ].join("\n");
  },
};

/** The guide form's three access choices; another scope is added as a fourth line. */
const KO_ACCESS: readonly (readonly [scope: string, text: string])[] = [
  ["all-nodes", "공개 (모든 노드)"],
  ["backend-only", "Backend 전용"],
  ["developers-browser", "개발자만 (브라우저)"],
];

const KO_PRIORITY: readonly (readonly [RequestForm["priority"], string])[] = [
  ["high", "High (즉시 필요)"],
  ["medium", "Medium (1주일 이내)"],
  ["low", "Low (향후 고려)"],
];

export const requestWords = twin<typeof en>({
  en,
  ko: {
    title: (a) => `[포트 할당] ${a.service} - ${a.team}팀`,
    check: {
      reservation: (a) => `예약 ${a.name} (${a.port}): 같은 편집에서 이 서비스로 바뀜`,
      nextFree: (a) => `${a.team}팀 범위의 다음 빈 포트: ${a.port}`,
      table: (a) =>
        a.taken
          ? `포트 할당표: ${a.node} 노드의 ${a.ports.join(", ")} 포트가 이미 할당 또는 예약됨`
          : `포트 할당표 확인 완료: ${a.node} 노드의 ${a.ports.join(", ")} 포트는 할당·예약되지 않음`,
      local: (a) => `이 머신(${a.node} 노드)에서 ${a.port} 포트 확인 (${a.held ? "사용 중" : "사용 중 아님"})`,
      probe: (a) => `이 머신에서 ${a.host}:${a.port} 프로브: ${koState(a.state)}`,
      notProbed: (a) => `${a.node}:${a.port} 확인 안 함 (오프라인 모드)`,
    },
    body: (f) => {
      const access = KO_ACCESS.some(([scope]) => scope === f.access) ? KO_ACCESS : [...KO_ACCESS, [f.access, f.accessText] as const];
      return [
        "## 요청 정보",
        `- **팀**: ${f.team}팀${f.teamName === undefined ? "" : ` (${f.teamName})`}`,
        `- **서비스명**: ${f.service}`,
        `- **희망 포트**: ${wanted(f.ports)}`,
        `- **용도**: ${f.purpose ?? "(작성 필요)"}`,
        `- **노드**: ${f.address === undefined ? f.node : `${f.nodeLabel ?? f.node} (${f.address})`}`,
        "",
        "## 접근 범위",
        ...access.map(([scope, text]) => box(scope === f.access, text)),
        "",
        "## 우선순위",
        ...KO_PRIORITY.map(([priority, text]) => box(priority === f.priority, text)),
        "",
        "## 충돌 확인",
        ...f.checks.map((c) => box(c.passed, c.text)),
        ...f.refusals.map((r) => box(false, `${r.code}: ${r.message}`)),
        "",
        `_제목: ${f.title} · \`sparkport request\`가 ${josa(f.registry, "을/를")} 보고 채웠습니다._`,
        "",
      ].join("\n");
    },
  },
});
