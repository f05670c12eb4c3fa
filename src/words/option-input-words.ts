import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

// An option's value that cannot be used, or options that do not go together (the commands' run and their cores).
const en = {
  protocol: (given: string) => `--protocol must be tcp or udp, got "${given}"`,
  /** `given` as the caller shows it: quoted when it is the text typed. */
  count: (given: string) => `--count must be a whole number from 1 to 1000, got ${given}`,
  concurrency: (given: string) => `--concurrency must be a whole number of 1 or more, written in decimal digits, got "${given}"`,
  priority: (given: string) => `--priority must be high, medium or low, got "${given}"`,
  writeWithoutFix: "--write applies the fixes of --fix; pass both",
  oneLine: (flag: string) => `${flag} must be one line of text, without control characters`,
  twoEnvironments: (service: string, env: string) => `--service ${service} and --env ${env} name two environments; give one.`,
};

export const optionInputWords = twin<typeof en>({
  en,
  ko: {
    protocol: (given) => `--protocol에는 tcp 또는 udp를 주세요. 받은 값: "${given}"`,
    count: (given) => `--count에는 1부터 1000까지의 정수를 주세요. 받은 값: ${given}`,
    concurrency: (given) => `--concurrency에는 1 이상의 정수를 10진수 숫자로 주세요. 받은 값: "${given}"`,
    priority: (given) => `--priority에는 high, medium, low 중 하나를 주세요. 받은 값: "${given}"`,
    writeWithoutFix: "--write는 --fix가 보여 주는 수정을 적용합니다. 둘 다 주세요",
    oneLine: (flag) => `${flag}에는 제어 문자 없이 한 줄로 된 글을 주세요`,
    twoEnvironments: (service, env) => `${josa(`--service ${service}`, "과/와")} ${josa(`--env ${env}`, "이/가")} 서로 다른 환경을 가리킵니다. 하나만 주세요.`,
  },
});
