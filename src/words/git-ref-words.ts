import { josa, particle } from "../findings/josa.js";
import { twin } from "./twin.js";

// The registry at a git ref (changes/registry-at-ref.ts): `asked` is what the user typed (--base, diff).
const en = {
  notRef: (ref: string) => `"${ref}" is not a git ref`,
  notInRepository: (file: string, asked: string) => `${file} is not inside a git repository, so ${asked} has nothing to compare with.`,
  unreadable: (file: string, ref: string, detail: string) => `cannot read ${file} at ${ref}: ${detail}`,
  showFailed: "git show failed",
  unknownRef: (ref: string) => `unknown git ref "${ref}"`,
  notRegistry: (file: string, ref: string, problem: string) => `${file} at ${ref} is not a valid registry: ${problem}`,
};

export const gitRefWords = twin<typeof en>({
  en,
  ko: {
    notRef: (ref) => `"${ref}"${particle(ref, "은/는")} git ref가 아닙니다`,
    notInRepository: (file, asked) => `${josa(file, "이/가")} git 저장소 안에 있지 않아, ${josa(asked, "으로/로")} 비교할 대상이 없습니다.`,
    unreadable: (file, ref, detail) => `${ref} 시점의 ${josa(file, "을/를")} 읽을 수 없습니다: ${detail}`,
    showFailed: "git show 실패",
    unknownRef: (ref) => `알 수 없는 git ref "${ref}"입니다`,
    notRegistry: (file, ref, problem) => `${ref} 시점의 ${josa(file, "은/는")} 올바른 레지스트리가 아닙니다: ${problem}`,
  },
});
