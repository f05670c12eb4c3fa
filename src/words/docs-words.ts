import { twin } from "./twin.js";

const en = {
  /** The unnamed block: the whole document. */
  wholeDocument: "document",
  created: (file: string) => `created ${file} (the whole document, between sparkport markers)`,
  unchanged: (file: string, blocks: string) => `${file} already matches the registry (${blocks}); nothing was written`,
  wrote: (file: string, blocks: string) => `wrote ${file}: ${blocks}`,
};

export const docsWords = twin<typeof en>({
  en,
  ko: {
    wholeDocument: "문서 전체",
    created: (file) => `${file} 파일을 만들었습니다 (문서 전체를 sparkport 표식 사이에 넣었습니다)`,
    unchanged: (file, blocks) => `${file} 파일이 이미 레지스트리와 일치합니다 (${blocks}). 아무것도 쓰지 않았습니다`,
    wrote: (file, blocks) => `${file} 파일을 새로 썼습니다: ${blocks}`,
  },
});
