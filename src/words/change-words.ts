import { josa, particle } from "../findings/josa.js";
import { koStatus } from "../findings/korean-terms.js";
import { twin } from "./twin.js";

// What a change to ports.yaml prints (render/change-text.ts): refused, written, or a dry run; and what each
// command did, said after the ✔ of a written change.
const en = {
  nothingWritten: "nothing was written",
  wrote: (a: { done: string; file: string }) => `${a.done}; wrote ${a.file}`,
  dryRun: (file: string) => `dry run: ${file} unchanged`,
  allocated: (a: { service: string; ports: readonly (readonly [env: string, port: number])[]; node: string }) =>
    `${a.service}: ${a.ports.map(([env, port]) => `${env} ${port}`).join(", ")} on ${a.node}`,
  released: (name: string) => `released ${name}`,
  statusSet: (a: { target: string; status: string }) => `${a.target} is now ${a.status}`,
};

export const changeWords = twin<typeof en>({
  en,
  ko: {
    nothingWritten: "아무것도 쓰지 않았습니다",
    wrote: (a) => `${a.done}. ${a.file}에 썼습니다`,
    dryRun: (file) => `시험 실행(--dry-run)이므로 ${josa(file, "은/는")} 그대로입니다`,
    allocated: (a) => `${a.service}: ${a.node} 노드에 ${a.ports.map(([env, port]) => `${env} ${port}`).join(", ")} 포트를 할당했습니다`,
    released: (name) => `${name} 할당을 해제했습니다`,
    statusSet: (a) => `${a.target}의 상태를 ${koStatus(a.status)}${particle(koStatus(a.status), "으로/로")} 바꿨습니다`,
  },
});
