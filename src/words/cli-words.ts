import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

// What the shell (src/cli) says itself: its errors of bad input, and what it says when it cannot go on.
const en = {
  verboseAlone: "-v is short for --verbose, which goes with a command (sparkport status -v); the version is sparkport --version",
  /** `--json and --format github disagree`, `--quiet and --verbose disagree`. */
  disagree: (one: string, other: string) => `${one} and ${other} disagree; give one of them`,
  unknownLanguage: (source: string, value: string, known: string) => `${source} "${value}" is not a language sparkport speaks. Known: ${known}.`,
  notWritten: (reason: string) => `could not write the output: ${reason}`,
  internalError: "internal error, please report it",
};

export const cliWords = twin<typeof en>({
  en,
  ko: {
    verboseAlone: "-v는 --verbose의 줄임말로, 명령과 함께 씁니다 (sparkport status -v). 버전은 sparkport --version으로 확인하세요",
    disagree: (one, other) => `${josa(one, "과/와")} ${josa(other, "이/가")} 서로 맞지 않습니다. 하나만 주세요`,
    unknownLanguage: (source, value, known) => `${source} 값 "${value}": sparkport가 지원하지 않는 언어입니다. 지원하는 언어: ${known}.`,
    notWritten: (reason) => `출력을 쓰지 못했습니다: ${reason}`,
    internalError: "내부 오류입니다. 아래 내용과 함께 알려 주세요",
  },
});
