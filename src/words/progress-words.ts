import { twin } from "./twin.js";

// What a run waits on, as it goes: the progress line on a terminal (cli/progress-line.ts) and, with --verbose, a line
// for each probe (network/network-context.ts). Addresses and ports stay as they are.
const en = {
  probing: (done: number, total: number) => `probing ${done}/${total}`,
  waitingOn: "waiting on ",
  more: (count: number) => ` and ${count} more`,
  waiting: (count: number) => `${count} waiting`,
  probe: (target: string, timeoutMs: number) => `probing ${target} (timeout ${timeoutMs} ms)`,
};

export const progressWords = twin<typeof en>({
  en,
  ko: {
    probing: (done, total) => `프로브 중 ${done}/${total}`,
    waitingOn: "응답 대기: ",
    more: (count) => ` 외 ${count}곳`,
    waiting: (count) => `${count}곳 응답 대기`,
    probe: (target, timeoutMs) => `${target} 프로브 중 (제한 시간 ${timeoutMs}ms)`,
  },
});
