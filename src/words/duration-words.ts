import { twin } from "./twin.js";

// A duration that cannot be one (util/parse-duration.ts): `what` is the option (--timeout), `given` the value quoted.
const en = {
  duration: "duration",
  notDuration: (what: string, given: string) => `${what} must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds); got ${given}`,
  tooShort: (what: string, given: string) => `${en.notDuration(what, given)}, which is less than 1 ms`,
  tooLong: (what: string, given: string, max: number) => `${en.notDuration(what, given)}, which is longer than ${max} ms (about 24 days)`,
};

const expected = (what: string): string => `${what}에는 500ms, 2s, 1.5s, 1m, 750(밀리초)처럼 0보다 긴 시간을 주세요`;

export const durationWords = twin<typeof en>({
  en,
  ko: {
    duration: "시간 값",
    notDuration: (what, given) => `${expected(what)}. 받은 값: ${given}`,
    tooShort: (what, given) => `${expected(what)}. 받은 값: ${given} (1ms보다 짧습니다)`,
    tooLong: (what, given, max) => `${expected(what)}. 받은 값: ${given} (${max}ms, 약 24일보다 깁니다)`,
  },
});
