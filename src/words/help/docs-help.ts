import { twin } from "../twin.js";

const en = {
  description: "render the allocation tables as Markdown",
  arguments: {},
  options: { write: "fill the file's <!-- sparkport:begin NAME --> blocks, or create it" },
};

export const docsHelp = twin<typeof en>({
  en,
  ko: {
    description: "할당 표를 Markdown으로 만듭니다",
    arguments: {},
    options: { write: "파일의 <!-- sparkport:begin NAME --> 블록을 채움, 파일이 없으면 새로 만듦" },
  },
});
