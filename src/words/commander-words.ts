import { particle } from "../findings/josa.js";
import { twin } from "./twin.js";

// commander's own words: the titles and notes of --help, and its errors of bad input. English is commander's text
// to the byte (src/cli/commander-text.ts reads its messages by these forms); names and values stay as typed.
const en = {
  titles: { usage: "Usage:", arguments: "Arguments:", options: "Options:", globalOptions: "Global Options:", commands: "Commands:" },
  /** The usage line's placeholders: `sparkport run [options] <service>`. */
  placeholders: { options: "[options]", command: "[command]" },
  help: "display help for command",
  version: "output the version number",
  runWithHelp: "(run with --help for usage)",
  choices: (list: string) => `choices: ${list}`,
  default: (value: string) => `default: ${value}`,
  unknownOption: (flag: string) => `error: unknown option '${flag}'`,
  unknownCommand: (name: string) => `error: unknown command '${name}'`,
  missingArgument: (name: string) => `error: missing required argument '${name}'`,
  optionMissingArgument: (flags: string) => `error: option '${flags}' argument missing`,
  missingMandatoryOption: (flags: string) => `error: required option '${flags}' not specified`,
  tooManyArguments: (command: string, expected: number, received: number, given: string) =>
    `error: too many arguments${command === "" ? "" : ` for '${command}'`}. Expected ${expected} argument${expected === 1 ? "" : "s"} but got ${received}: ${given}.`,
  invalidOptionValue: (flags: string, value: string) => `error: option '${flags}' argument '${value}' is invalid.`,
  invalidArgumentValue: (value: string, name: string) => `error: command-argument value '${value}' is invalid for argument '${name}'.`,
  allowedChoices: (list: string) => `Allowed choices are ${list}.`,
  didYouMean: (candidate: string) => `(Did you mean ${candidate}?)`,
  didYouMeanOneOf: (list: string) => `(Did you mean one of ${list}?)`,
};

export const commanderWords = twin<typeof en>({
  en,
  ko: {
    titles: { usage: "사용법:", arguments: "인자:", options: "옵션:", globalOptions: "전역 옵션:", commands: "명령:" },
    placeholders: { options: "[옵션]", command: "[명령]" },
    help: "명령의 도움말을 표시",
    version: "버전 번호를 출력",
    runWithHelp: "(사용법은 --help로 확인하세요)",
    choices: (list) => `선택: ${list}`,
    default: (value) => `기본값: ${value}`,
    unknownOption: (flag) => `오류: 알 수 없는 옵션 '${flag}'`,
    unknownCommand: (name) => `오류: 알 수 없는 명령 '${name}'`,
    missingArgument: (name) => `오류: 필수 인자 '${name}'${particle(name, "이/가")} 없습니다`,
    optionMissingArgument: (flags) => `오류: 옵션 '${flags}'에 값이 없습니다`,
    missingMandatoryOption: (flags) => `오류: 필수 옵션 '${flags}'${particle(flags, "이/가")} 없습니다`,
    tooManyArguments: (command, expected, received, given) => {
      const which = command === "" ? "" : `'${command}' 명령`;
      return expected === 0
        ? `오류: ${which === "" ? "인자를" : `${which}은 인자를`} 받지 않습니다. 받은 인자: ${given}.`
        : `오류: ${which === "" ? "" : `${which}에 `}인자가 너무 많습니다. 인자는 ${expected}개까지인데 ${received}개를 받았습니다: ${given}.`;
    },
    invalidOptionValue: (flags, value) => `오류: 옵션 '${flags}'의 값 '${value}'${particle(value, "은/는")} 쓸 수 없습니다.`,
    invalidArgumentValue: (value, name) => `오류: 인자 '${name}'의 값 '${value}'${particle(value, "은/는")} 쓸 수 없습니다.`,
    allowedChoices: (list) => `쓸 수 있는 값: ${list}.`,
    didYouMean: (candidate) => `(혹시 ${candidate}인가요?)`,
    didYouMeanOneOf: (list) => `(혹시 ${list} 중 하나인가요?)`,
  },
});
