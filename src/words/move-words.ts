import { josa } from "../findings/josa.js";
import { plural } from "../util/plural.js";
import { twin } from "./twin.js";

/** One port that moved, as `move` says it: `FastAPI (dev) 8000 → 8002`. */
export interface MovedPort {
  label: string;
  from: number;
  to: number;
}

const moves = (list: readonly MovedPort[]): string => list.map((m) => `${m.label} ${m.from} → ${m.to}`).join(", ");

// `sparkport move` (commands/move): what it did to ports.yaml, the project's references to an old port, and the title of
// the announcement (whose table is diff's, words/diff-words.ts).
const en = {
  /** After the ✔ of the ports.yaml change. */
  moved: (a: { moves: readonly MovedPort[]; node: string }) => `moved ${moves(a.moves)} on ${a.node}`,
  samePort: (target: string, port: number) => `${target} is already on port ${port}: nothing to move`,
  references: {
    none: "no file of the project uses an old port",
    noneLeft: "no reference to an old port is left",
    still: (n: number) => `${plural(n, "reference")} in the project still ${n === 1 ? "uses" : "use"} an old port:`,
    left: (n: number) => `${plural(n, "reference")} to an old port left for a person:`,
    rewrites: "--write rewrites it",
    writeHint: (n: number) => `with --write, move also rewrites the ${plural(n, "reference")} marked "--write rewrites it"`,
    notTied: (label: string) => `nothing shows that it means ${label}`,
    heldAgain: (port: number, label: string) => `${port} is now ${label}'s port: the reference may mean either`,
  },
  title: (target: string, from: number, to: number) => `## Port change: ${target} ${from} → ${to}`,
};

export const moveWords = twin<typeof en>({
  en,
  ko: {
    moved: (a) => `${a.node} 노드의 포트를 옮겼습니다: ${moves(a.moves)}`,
    samePort: (target, port) => `${josa(target, "은/는")} 이미 ${port} 포트를 씁니다. 옮길 것이 없습니다`,
    references: {
      none: "프로젝트에 옛 포트를 쓰는 파일이 없습니다",
      noneLeft: "옛 포트를 가리키는 참조가 남지 않았습니다",
      still: (n) => `프로젝트에서 아직 옛 포트를 쓰는 참조 ${n}곳:`,
      left: (n) => `직접 고쳐야 할 옛 포트 참조 ${n}곳:`,
      rewrites: "--write가 고칩니다",
      writeHint: (n) => `--write를 붙이면 "--write가 고칩니다"로 표시된 참조 ${n}곳도 move가 고칩니다`,
      notTied: (label) => `${josa(label, "을/를")} 가리킨다는 근거가 없습니다`,
      heldAgain: (port, label) => `${port} 포트는 이제 ${label}의 포트라서 어느 쪽을 가리키는지 알 수 없습니다`,
    },
    title: (target, from, to) => `## 포트 변경: ${target} ${from} → ${to}`,
  },
});
