import { particle } from "../findings/josa.js";
import { twin } from "./twin.js";

// A port, range or target typed on the command line that is not one (commands/check/parse-port-arg.ts,
// diagnose/resolve-target.ts, allocate's --port). The value is quoted as typed.
const FORMS = "a port 1-65535, written 8002, :8002, host:8002 or node:8002";

const en = {
  notPort: (raw: string) => `"${raw}" is not a port; expected ${FORMS}`,
  notRange: (item: string, from: number, to: number) => `"${item}" is not a range: ${to} comes before ${from}.`,
  tooManyPorts: (item: string, count: number, max: number) => `"${item}" names ${count} ports; check at most ${max} at once.`,
  outOfRange: (input: string) => `"${input}" is not a port; expected 1-65535`,
  notUrl: (input: string) => `"${input}" is not a valid URL`,
  noDefaultPort: (input: string, protocol: string) => `"${input}" names no port and ${protocol} has no default one`,
  portOption: (given: string) => `--port must be a port 1-65535, got "${given}"`,
  leadingZero: (given: string, port: number) => `--port "${given}" has a leading zero: write ${port} (a YAML reader may take ${given} as octal)`,
  leadingZeroArg: (raw: string, port: number) => `"${raw}" has a leading zero: write ${port} (a YAML reader may take it as octal)`,
};

/** `"8o02"는`: the value quoted, with the particle its last sound takes. */
const quoted = (value: string, pair: Parameters<typeof particle>[1]): string => `"${value}"${particle(value, pair)}`;

export const portInputWords = twin<typeof en>({
  en,
  ko: {
    notPort: (raw) => `${quoted(raw, "은/는")} 포트가 아닙니다. 1-65535 사이의 포트를 8002, :8002, host:8002, node:8002 형식으로 쓰세요`,
    notRange: (item, from, to) => `${quoted(item, "은/는")} 올바른 범위가 아닙니다: 끝(${to})이 시작(${from})보다 작습니다.`,
    tooManyPorts: (item, count, max) => `${quoted(item, "은/는")} 포트 ${count}개를 가리킵니다. 한 번에 ${max}개까지만 확인하세요.`,
    outOfRange: (input) => `${quoted(input, "은/는")} 포트가 아닙니다. 1-65535 사이여야 합니다`,
    notUrl: (input) => `${quoted(input, "은/는")} 올바른 URL이 아닙니다`,
    noDefaultPort: (input, protocol) => `"${input}"에 포트가 없고, ${protocol}에는 기본 포트가 없습니다`,
    portOption: (given) => `--port에는 1-65535 사이의 포트를 주세요. 받은 값: "${given}"`,
    leadingZero: (given, port) => `--port "${given}" 앞에 0이 붙어 있습니다: ${port}로 쓰세요 (YAML은 이 값을 8진수로 읽을 수 있습니다)`,
    leadingZeroArg: (raw, port) => `"${raw}" 앞에 0이 붙어 있습니다: ${port}로 쓰세요 (YAML은 이 값을 8진수로 읽을 수 있습니다)`,
  },
});
