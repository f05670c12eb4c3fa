// Words and short templates that reach a finding's arguments in English, in the vocabulary of the team's guide. Each
// names where it is built; any other value (an OS error, a parser's text, a name from ports.yaml) passes unchanged.

import { particle } from "./josa.js";

type Template = readonly [RegExp, (...slots: string[]) => string];

/** The value in Korean: its exact entry, else the first template whose form it has (slots filled), else itself. */
function translate(value: string, exact: Readonly<Record<string, string>>, ...templates: readonly Template[]): string {
  if (Object.hasOwn(exact, value)) return exact[value] ?? value;
  for (const [pattern, render] of templates) {
    const match = pattern.exec(value);
    if (match !== null) return render(...match.slice(1).map((s) => s ?? ""));
  }
  return value;
}

// ports.yaml's status, access and priority values: the guide's words, then the value to write in the file.
const STATUS = {
  running: "실행 중(running)",
  stopped: "중지됨(stopped)",
  "in-development": "개발 중(in-development)",
  reserved: "예약됨(reserved)",
  planned: "계획됨(planned)",
};

const ACCESS = {
  "all-nodes": "모든 노드(all-nodes)",
  "backend-only": "Backend 전용(backend-only)",
  "developers-browser": "개발자 브라우저(developers-browser)",
  "test-only": "테스트 전용(test-only)",
  "staging-only": "스테이징 전용(staging-only)",
  "preview-only": "프리뷰 전용(preview-only)",
};

// What a probe or the socket table saw (observe/tcp-prober.ts, commands/status): the word, then the state `status` prints.
const STATE = {
  open: "열림(open)",
  closed: "닫힘(closed)",
  filtered: "응답 없음(filtered)",
  "open|filtered": "열림 또는 차단(open|filtered)",
  unreachable: "도달 불가(unreachable)",
  "name-error": "이름 확인 실패(name-error)",
  listening: "리스닝 중(listening)",
  "not-listening": "리스닝 없음(not-listening)",
  skipped: "확인 안 함(skipped)",
  down: "실패(down)",
  unknown: "알 수 없음(unknown)",
};

export const koStatus = (status: string): string => translate(status, STATUS);
export const koAccess = (access: string): string => translate(access, ACCESS);
export const koState = (state: string): string => translate(state, STATE);

/** The guide's request form writes priorities as High, Medium and Low. */
export const koPriority = (priority: string): string => translate(priority, { high: "High", medium: "Medium", low: "Low" });

/** A probe's detail when it has no error code (commands/check, diagnose/checks/remote.ts); an errno code stays. */
export const koDetail = (detail: string): string => translate(detail, { "no route": "경로 없음", refused: "거부됨" });

/** Labels built in registry/model.ts (`reservation NAME`), and the last item of rules/registry/collision-groups.ts's owner lists (`and 3 more`). */
export const koOwner = (owner: string): string =>
  translate(
    owner,
    {},
    [/^reservation (.+)$/s, (name) => `예약 ${name}`],
    [/^and (\d+) more$/, (n) => `그 밖에 ${n}개`],
  );

/** `LABEL on NODE` (rules/registry/reservation-collision.ts). */
export const koOwnerOn = (owner: string): string => translate(owner, {}, [/^(.+) on (\S+)$/s, (label, node) => `${node} 노드의 ${koOwner(label)}`]);

/** A node, or `this machine` when this machine is no node (diagnose/checks/listening.ts). */
export const koPlace = (node: string): string => (node === "this machine" ? "이 머신" : `${node} 노드`);

/** The server program doctor recognised (fixes/bind-fix.ts), `unknown` when none. */
export const koProgram = (program: string): string => translate(program, { unknown: "알 수 없는 프로그램" });

/** tailscale ping's answer, or `no output` (diagnose/checks/tailscale-ping.ts). */
export const koPingResult = (result: string): string => translate(result, { "no output": "출력 없음" });

/** The one yaml-syntax detail sparkport writes itself (registry/parse-registry.ts); the yaml parser's own stay. */
export const koYamlDetail = (detail: string): string =>
  translate(detail, { "a second YAML document starts here (---); expected one document": "여기서 두 번째 YAML 문서가 시작됩니다 (---). 문서는 하나여야 합니다" });

/** What the schema expected (registry/zod-issues.ts, reserved-keys.ts, the regexes of registry/schema.ts); zod's own text stays. */
export const koExpected = (expected: string): string =>
  translate(
    expected,
    {
      "a mapping": "매핑",
      "a list": "목록",
      "a string": "문자열",
      "a number": "숫자",
      "a boolean": "true 또는 false",
      "a non-empty string": "비어 있지 않은 문자열",
      "a valid identifier": "올바른 식별자",
      "a valid key (lower-case letters, digits, '.', '_' or '-')": "올바른 키 (소문자, 숫자, '.', '_', '-')",
      "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit": "소문자, 숫자, '.', '_', '-' (첫 글자는 소문자나 숫자)",
      "letters, digits, '.', '_' or '-'": "영문자, 숫자, '.', '_', '-'",
      "a name other than __proto__, constructor or prototype (JavaScript's own object properties)":
        "__proto__, constructor, prototype이 아닌 이름 (JavaScript 객체 자체의 속성 이름)",
    },
    [/^one of (.+)$/s, (choices) => `${choices} 중 하나`],
    [/^at least (\d+) items?$/, (n) => `항목 ${n}개 이상`],
    [/^a number >= (.+)$/, (n) => `${n} 이상의 숫자`],
    [/^a value <= (.+)$/, (n) => `${n} 이하의 값`],
    [/^a valid (\S+)$/, (format) => `올바른 ${format}`],
  );

/** What the schema received instead (registry/zod-issues.ts): a quoted value or a number stays. */
export const koReceived = (received: string): string =>
  translate(received, { "a list": "목록", "a mapping": "매핑" }, [/^nothing: the required key "(.+)" is missing$/s, (key) => `없음, 필수 키 "${key}"${particle(key, "이/가")} 빠졌습니다`]);
