import { josa, particle } from "../findings/josa.js";
import { twin } from "./twin.js";

// Input a command cannot act on: nothing named to check or diagnose, a name that cannot be one, an unknown code.
const en = {
  noPortToCheck: "name at least one port, e.g. `sparkport check 8002`, or the service you will start: `sparkport check --service fastapi`.",
  nothingToDiagnose: "name what to diagnose (a service, a port, host:port or a URL), or paste an error that names a port with --error",
  portsDisagree: (named: string, pasted: number) => `the target names port ${named} but the pasted error names ${pasted}; give one of them`,
  pastedNoPort: (quote: string) => `the pasted error names no port ("${quote}"); name it too, e.g. \`sparkport doctor 8000 --error "..."\``,
  errorNotRecognised: "--error: no port error recognised (expected an EADDRINUSE, 'Address already in use', 'Connection refused' or timeout message)",
  notServiceName: (name: string) => `"${name}" is not a service name; expected lower-case letters, digits, '.', '_' or '-'`,
  noFreePort: (team: string) => `no free port left in team ${team}'s ranges`,
  unknownShell: (shell: string) => `unknown shell "${shell}"`,
  shells: "Shells",
  reservationElsewhere: (name: string, node: string, given: string) => `reservation ${name} is for node ${node}, not ${given}; pass --node ${node}`,
  noCode: (code: string) => `no code "${code}"`,
  listCodes: "Run `sparkport explain` for the list.",
};

export const commandInputWords = twin<typeof en>({
  en,
  ko: {
    noPortToCheck: "포트를 하나 이상 주세요 (예: `sparkport check 8002`). 아니면 시작할 서비스를 주세요: `sparkport check --service fastapi`.",
    nothingToDiagnose: "진단할 대상(서비스, 포트, host:port, URL)을 주거나, 포트가 적힌 오류 메시지를 --error로 붙여 넣으세요",
    portsDisagree: (named, pasted) => `대상은 ${named} 포트인데, 붙여 넣은 오류는 ${pasted} 포트입니다. 하나만 주세요`,
    pastedNoPort: (quote) => `붙여 넣은 오류에 포트가 없습니다 ("${quote}"). 포트도 함께 주세요 (예: \`sparkport doctor 8000 --error "..."\`)`,
    errorNotRecognised: "--error: 포트 오류를 알아보지 못했습니다 (EADDRINUSE, 'Address already in use', 'Connection refused' 또는 시간 초과 메시지여야 합니다)",
    notServiceName: (name) => `"${name}"${particle(name, "은/는")} 서비스 이름으로 쓸 수 없습니다. 영문 소문자, 숫자, '.', '_', '-'만 쓰세요`,
    noFreePort: (team) => `${team}팀 범위에 남은 빈 포트가 없습니다`,
    unknownShell: (shell) => `알 수 없는 셸 "${shell}"입니다`,
    shells: "쓸 수 있는 셸",
    reservationElsewhere: (name, node, given) => `예약 ${josa(name, "은/는")} ${given} 노드가 아니라 ${node} 노드의 것입니다. ${josa(`--node ${node}`, "을/를")} 주세요`,
    noCode: (code) => `"${code}" 코드가 없습니다`,
    listCodes: "목록은 `sparkport explain`으로 보세요.",
  },
});
