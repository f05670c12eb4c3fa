// The Korean twin of messages.ts, for the team's own guide (포트 할당 가이드): the same codes, the same arguments, and
// a fix exactly where the English table has one, or this file does not compile. Commands, codes, file names and
// values to write in ports.yaml stay as they are.

import { didYouMeanText } from "../util/unknown-name.js";
import { josa, particle } from "./josa.js";
import {
  koAccess,
  koDetail,
  koExpected,
  koOwner,
  koOwnerOn,
  koPingResult,
  koPlace,
  koPriority,
  koProgram,
  koReceived,
  koState,
  koStatus,
  koYamlDetail,
} from "./korean-terms.js";
import { list, type AddressReason, type LineToWrite, type Code, type MessageEntry, type messages, type READ_REASONS } from "./messages.js";

/** The Korean entry of one code: the English entry's arguments, and a fix where it has one and nowhere else. */
type Twin<E> = E extends { readonly message: (args: infer A) => string; readonly fix: (args: never) => string }
  ? MessageEntry<A> & { readonly fix: (args: A) => string }
  : E extends { readonly message: (args: infer A) => string }
    ? MessageEntry<A> & { readonly fix?: never }
    : never;

export type KoreanMessages = { readonly [C in Code]: Twin<(typeof messages)[C]> };

/** Korean counts things without a plural: 파일 3개, 참조 2곳. */
const count = (n: number, noun: string, counter = "개"): string => `${noun} ${n}${counter}`;

/** Who or what a finding is about, with its particle: `FastAPI (dev)는`, `예약 Grafana는`. */
const who = (owner: string, pair: Parameters<typeof josa>[1]): string => josa(koOwner(owner), pair);

/** A block of a Markdown file by its name; the unnamed one is the whole document. */
const blockKo = (name: string): string => (name === "" ? "문서 전체 블록" : `"${name}" 블록`);

/** The line to write into a file (an env fix), as the English table says it. */
const lineFix = (w: LineToWrite): string => `${w.file}에 \`${w.line}\`${w.masked ? " (*** 자리에는 자신의 비밀 값)" : ""} 줄을 쓰세요`;

/** A moved service's port now; on another node, that node too. */
const nowKo = (now: { port: number; node?: string }): string => (now.node === undefined ? `${now.port} 포트` : `${now.node} 노드의 ${now.port} 포트`);

const didYouMean = (suggestion: string | undefined): string => didYouMeanText(suggestion, "ko");

/** The twin of ADDRESS_REASONS: why an address cannot be a node's. */
export const ADDRESS_REASONS_KO: { readonly [R in AddressReason]: string } = {
  unspecified: "미지정 주소입니다 (바인딩할 때 쓰는 주소이지, 접속할 주소가 아닙니다)",
  broadcast: "브로드캐스트 주소입니다",
  multicast: "멀티캐스트 주소입니다",
  reserved: "예약된 주소 대역입니다",
  "not-a-host": "IP 주소도 아니고 올바른 호스트 이름도 아닙니다",
};

/** The twin of READ_REASONS: why a registry could not be read. */
export const READ_REASONS_KO: { readonly [R in keyof typeof READ_REASONS]: string } = {
  missing: "파일이 없습니다",
  denied: "권한이 없습니다",
  loop: "심볼릭 링크가 너무 많습니다",
};

export const messagesKo: KoreanMessages = {
  // 레지스트리(ports.yaml)에 대한 lint 규칙.
  "duplicate-port": {
    explain: "같은 노드에서 두 할당이 같은 전송 계층(TCP/UDP)의 같은 포트를 씁니다.",
    message: (a) => `${a.node} 노드의 ${a.port}/${a.transport} 포트가 ${list(a.owners.map(koOwner))}에 중복 할당되어 있습니다`,
    fix: () => "둘 중 하나에 팀 범위 안의 다른 포트를 할당하세요 (`sparkport next`로 찾을 수 있습니다)",
  },
  "env-port-collision": {
    explain: "환경 오프셋으로 계산한 포트가 다른 할당의 포트와 겹칩니다.",
    message: (a) => `환경 오프셋을 적용하면 ${a.node} 노드의 ${a.port}/${a.transport} 포트가 두 번 할당됩니다: ${list(a.owners.map(koOwner))}`,
    fix: () => "한 서비스의 기본 포트를 옮겨 테스트(+1)·스테이징(+10) 포트를 비우거나, 그 환경에 포트를 직접 지정하세요",
  },
  "outside-team-range": {
    explain: "포트는 그 팀의 포트 범위 안에 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} ${a.port} 포트를 쓰지만, ${a.team}팀 범위(${list(a.ranges)}) 밖입니다`,
    fix: () => "팀 범위 안의 포트를 고르거나, 이유를 적어 예외로 선언하세요",
  },
  "outside-every-range": {
    explain: "팀을 지정하지 않은 예약은 어느 한 팀의 범위 안에 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} ${a.port} 포트를 예약했지만, 이 포트는 어느 팀의 범위에도 속하지 않습니다`,
    fix: () => "이 포트를 가져갈 팀의 범위 안에서 예약하거나, 그 팀을 지정하거나, 이유를 적어 예외로 선언하세요",
  },
  "team-ranges-overlap": {
    explain: "서로 다른 팀의 범위는 겹치면 안 됩니다.",
    message: (a) => `${a.first} 범위와 ${a.second} 범위가 ${a.from}-${a.to} 구간에서 겹칩니다`,
    fix: () => "범위 하나를 줄이거나, 둘 중 한 범위에 이유를 적어 예외로 선언하세요",
  },
  "invalid-range": {
    explain: "범위는 1-65535 안에서 낮은 포트부터 높은 포트까지여야 합니다.",
    message: (a) => `${a.range} 범위가 ${a.from}부터 ${a.to}까지로 되어 있습니다`,
    fix: () => "from <= to가 되도록, 둘 다 1-65535 안에서 쓰세요",
  },
  "env-offset-broken": {
    explain: "환경의 포트는 기본 포트에 그 환경의 오프셋을 더한 값입니다 (테스트 +1, 스테이징 +10).",
    message: (a) => `${a.environment} 환경에서 ${who(a.owner, "은/는")} ${a.port} 포트를 쓰지만, 기본 포트 + ${josa(String(a.offset), "은/는")} ${a.expected}입니다`,
    fix: (a) => `${a.expected} 포트를 쓰거나, 이유를 적어 예외로 선언하세요`,
  },
  "reservation-collision": {
    explain: "예약된 포트가 동시에 할당되어 있으면 안 됩니다.",
    message: (a) => `${a.port} 포트의 예약 ${josa(a.reservation, "이/가")} ${josa(list(a.owners.map(koOwnerOn)), "과/와")} 충돌합니다`,
    fix: () => "예약과 할당 중 하나를 옮기세요. 서비스가 된 예약은 reservations에서 지우세요",
  },
  "unknown-node": {
    explain: "서비스나 예약이 지정한 노드는 모두 nodes에 선언되어 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.node}" 노드에서 실행된다고 되어 있지만, 이 노드는 선언되지 않았습니다${didYouMean(a.suggestion)}`,
    fix: (a) => `nodes에 선언하거나, 다음 중 하나를 쓰세요: ${list(a.known)}`,
  },
  "unknown-team": {
    explain: "서비스, 예약, 섹션이 지정한 팀은 모두 teams에 선언되어 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.team}" 팀을 지정했지만, 이 팀은 선언되지 않았습니다${didYouMean(a.suggestion)}`,
    fix: (a) => `teams에 선언하거나, 다음 중 하나를 쓰세요: ${list(a.known)}`,
  },
  "unknown-environment": {
    explain: "서비스가 나열한 환경은 모두 environments에 선언되어 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.environment}" 환경을 나열했지만, 이 환경은 선언되지 않았습니다${didYouMean(a.suggestion)}`,
    fix: (a) => `environments에 선언하거나, 다음 중 하나를 쓰세요: ${list(a.known)}`,
  },
  "unknown-section": {
    explain: "서비스가 지정한 섹션은 모두 sections에 선언되어 있어야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.section}" 섹션에 들어 있지만, 이 섹션은 선언되지 않았습니다`,
    fix: (a) => (a.known.length > 0 ? `다음 중 하나를 쓰세요: ${list(a.known)}` : "sections에 선언하세요"),
  },
  "duplicate-name": {
    explain: "서비스와 예약의 이름은 하나뿐이어야 합니다: 명령이 이름으로 항목을 찾습니다.",
    message: (a) => `"${a.name}" 이름을 ${count(a.count, "항목")}가 함께 씁니다`,
    fix: () => "하나만 남기고 나머지의 이름을 바꾸세요",
  },
  "port-out-of-range": {
    explain: "포트는 1에서 65535 사이여야 합니다.",
    message: (a) => `${who(a.owner, "은/는")} 1-65535 밖의 ${a.port} 포트를 씁니다`,
    fix: () => "1에서 65535 사이의 포트를 쓰세요",
  },
  "privileged-port": {
    explain: "1024 미만 포트는 macOS와 Linux에서 root 권한(또는 capability)이 있어야 바인딩할 수 있습니다.",
    message: (a) => `${who(a.owner, "은/는")} 특권 포트 ${a.port}번을 씁니다`,
    fix: () => "팀 범위 안에서 1024 이상의 포트를 쓰세요",
  },
  "ephemeral-port": {
    explain: "OS의 임시(ephemeral) 포트 범위 안의 포트는 나가는 연결 아무나 가져갈 수 있습니다.",
    message: (a) => `${who(a.owner, "은/는")} ${a.port} 포트를 쓰는데, ${a.node} 노드(${a.os})의 임시 포트 범위 ${a.from}-${a.to} 안입니다`,
    fix: () => "임시 포트 범위보다 낮은 포트를 쓰세요",
  },
  "os-reserved-port": {
    explain: "노드의 운영체제가 기본 설정으로 직접 리스닝하는 포트입니다 (macOS의 AirPlay Receiver: 5000, 7000).",
    message: (a) => `${who(a.owner, "은/는")} ${a.port} 포트를 쓰는데, ${a.node} 노드(${a.os})에서는 ${josa(a.holder, "이/가")} 기본 설정으로 이 포트에서 리스닝합니다`,
    fix: (a) => `다른 포트를 쓰거나(\`sparkport next --team TEAM --node ${a.node}\` 명령은 이 포트를 건너뜁니다), ${a.node} 노드에서 그 기능을 끄고 이유를 예외로 기록하세요`,
  },
  "browser-unsafe-port": {
    explain: 'Fetch 표준의 "bad ports"에서는 무엇이 리스닝하든 브라우저가 http(s)를 열지 않습니다 (ERR_UNSAFE_PORT).',
    message: (a) => `${who(a.owner, "은/는")} ${a.port} 포트에서 http를 제공하지만, 브라우저는 이 포트를 열지 않습니다 (ERR_UNSAFE_PORT)`,
    fix: () => "다른 포트를 쓰세요: 어떤 브라우저도 이 포트의 페이지를 열지 않습니다",
  },
  "well-known-default": {
    explain: "널리 쓰이는 다른 도구의 기본 포트는 그 도구를 기본 설정으로 시작하는 순간 충돌합니다.",
    message: (a) => `${who(a.owner, "은/는")} ${list(a.tools)}의 기본 포트인 ${a.port} 포트를 씁니다`,
    fix: () => "팀 범위 안의 다른 포트를 쓰거나, 그 도구들을 다른 포트로 시작하도록 하세요",
  },
  "invalid-node-address": {
    explain: "노드 주소는 다른 머신이 접속할 수 있는 주소여야 합니다.",
    message: (a) => `${a.node} 노드의 주소 ${josa(a.address, "은/는")} ${ADDRESS_REASONS_KO[a.reason]}`,
    fix: () => "노드의 Tailscale 주소(100.x.y.z)나 호스트 이름을 쓰세요",
  },
  "unused-exception": {
    explain: "아무것도 막지 않는 예외는 오래되었거나 철자가 틀린 것입니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.rule}" 규칙에 예외를 선언했지만, 그 자리에서 그런 검사 결과가 나오지 않습니다${didYouMean(a.suggestion)}`,
    fix: () => "예외를 지우거나, 규칙 코드를 바로잡으세요",
  },
  "exception-not-allowed": {
    explain: "예외는 팀이 알고 내린 배치 결정을 위한 것이지, 잘못된 데이터를 위한 것이 아닙니다.",
    message: (a) => `${who(a.owner, "은/는")} "${a.rule}" 규칙에 예외를 선언했지만, 이 규칙은 예외를 허용하지 않습니다`,
    fix: (a) => `예외 대신 항목을 고치세요. 예외를 허용하는 규칙: ${list(a.allowed)}`,
  },
  "docs-missing": {
    explain: "`lint --docs`가 레지스트리와 비교할 할당 문서가 아직 없습니다.",
    message: (a) => `${a.file} 파일이 없습니다`,
    fix: (a) => `\`sparkport docs --write ${a.file}\` 명령으로 만드세요`,
  },
  "docs-out-of-date": {
    explain: "sparkport가 할당 문서에 채우는 블록은 레지스트리와 일치해야 합니다.",
    message: (a) => `${a.file} 파일의 ${blockKo(a.block)}이 ${a.line}번째 줄부터 레지스트리와 다릅니다`,
    fix: (a) =>
      a.writtenIn === undefined
        ? `\`sparkport docs --lang ko --write ${a.file}\` 명령을 실행하세요`
        : `블록이 다른 언어로 쓰인 레지스트리입니다: \`--lang ${a.writtenIn}\`로 lint하거나, \`sparkport docs --lang ko --write ${a.file}\` 명령으로 한국어로 다시 쓰세요`,
  },
  "docs-no-markers": {
    explain: "sparkport는 Markdown 파일에서 자기 표식 사이만 씁니다. 이 파일에는 표식이 없습니다.",
    message: (a) => `${a.file} 파일에 sparkport 표식이 없어 아무것도 쓰거나 비교하지 않았습니다`,
    fix: (a) =>
      `표가 들어갈 자리에 \`<!-- sparkport:begin tables -->\`와 \`<!-- sparkport:end -->\`를 각각 한 줄로 넣거나, 표마다 한 쌍씩 넣으세요 (이름: ${list(a.names.filter((n) => n !== "tables"))}). sparkport가 파일 전체를 쓰게 하려면 파일을 지우고 \`sparkport docs --write ${a.file}\` 명령을 실행하세요`,
  },
  "docs-bad-marker": {
    explain: "Markdown 파일의 sparkport 표식은 sparkport가 아는 이름으로, 블록마다 한 쌍씩, 겹치지 않게 있어야 합니다.",
    message: ({ problem: p }) =>
      p.kind === "malformed"
        ? "이 sparkport 표식을 읽을 수 없습니다"
        : p.kind === "unknown"
          ? `알 수 없는 블록 "${p.name}"입니다${didYouMean(p.suggestion)}`
          : p.kind === "nested"
            ? `${blockKo(p.open)}(${p.line}번째 줄에서 시작) 안에서 다른 블록이 시작됩니다. 블록은 겹칠 수 없습니다`
            : p.kind === "unopened"
              ? "앞에 `sparkport:begin`이 없는 `sparkport:end`입니다"
              : p.kind === "unclosed"
                ? `${blockKo(p.name)} 뒤에 \`<!-- sparkport:end -->\`가 없습니다`
                : `\`sparkport:end ${p.name}\`가 ${blockKo(p.open)}(${p.line}번째 줄에서 시작)을 닫고 있습니다`,
    fix: ({ problem: p }) =>
      p.kind === "unknown"
        ? `${list(p.known)} 중 하나를 쓰거나, 문서 전체라면 이름을 비워 두세요`
        : "블록마다 `<!-- sparkport:begin 이름 -->`과 `<!-- sparkport:end -->`를 각각 한 줄로 한 쌍씩 쓰세요",
  },
  "docs-not-utf8": {
    explain: "sparkport가 채우는 문서는 블록 밖의 바이트를 그대로 두기 위해 UTF-8 텍스트여야 합니다.",
    message: (a) => `UTF-8이 아닌 바이트(0x${a.byte})가 있습니다. UTF-8 텍스트여야 합니다`,
    fix: () => "파일을 UTF-8로 다시 저장하세요",
  },

  // 포트 변경 프로토콜 (lint --base REF, sparkport diff REF).
  "locked-port-changed": {
    explain: "고정(locked)된 공통 인프라 포트는 절대 바뀌지 않습니다: 모든 팀이 의존합니다.",
    message: (a) => `${who(a.owner, "은/는")} 고정된 포트인데, ${a.ref} 이후 포트가 바뀌었습니다: ${a.from} → ${a.to ?? "삭제됨"}`,
    fix: () => "포트를 되돌리세요. 공통 인프라 포트를 옮기려면 최소 1주일 전에 이슈를 만들고 모든 팀의 동의를 받아야 합니다",
  },
  "port-moved": {
    explain: "포트가 옮겨졌습니다: 아직 옛 포트를 쓰는 파일 전부와, 알려야 할 팀을 보여 줍니다.",
    message: (a) =>
      `${koOwner(a.owner)}의 포트가 ${a.ref} 이후 옮겨졌습니다: ${a.from} → ${a.to ?? "삭제됨"}. ${count(a.stale, "참조", "곳")}이 아직 ${a.from} 포트를 씁니다${a.teams.length === 0 ? "" : `. ${list(a.teams.map((t) => `${t}팀`))}에 알리세요`}`,
    fix: (a) => `아래 참조를 고치고 변경을 공지하세요 (\`sparkport diff ${a.ref}\` 명령이 공지문을 써 줍니다)`,
  },

  // 프로젝트 파일 스캔 (lint, 기본으로 켜짐).
  "scan-unregistered-port": {
    explain: "어떤 서비스도 할당받지 않았고 어떤 예약도 잡아 두지 않은 포트를 파일이 씁니다 (등록 후 사용).",
    message: (a) =>
      `${a.text}에서 ${a.port} 포트를 쓰지만, ${a.node} 노드에서 이 포트를 가진 서비스가 없습니다${a.named === undefined ? "" : `. ${josa(a.named.label, "은/는")} ${a.named.node} 노드의 ${a.named.port} 포트에서 실행됩니다`}`,
    fix: (a) =>
      a.registered === undefined
        ? `먼저 등록하거나(\`sparkport allocate NAME --port ${a.port} ...\`), 등록된 포트를 쓰세요`
        : a.write === undefined
          ? `등록된 포트 ${josa(a.registered, "을/를")} 쓰세요`
          : `${lineFix(a.write)}. 등록된 포트는 ${a.registered}입니다`,
  },
  "scan-wrong-service": {
    explain: "파일이 뜻하는 서비스나 환경이 아니라, 다른 서비스나 환경에 등록된 포트를 씁니다.",
    message: (a) => `${a.text} (${a.environment} 환경)에서 쓰는 ${a.port} 포트는 ${koOwner(a.owner)}의 포트입니다`,
    fix: (a) => (a.write === undefined ? `${josa(a.expected, "을/를")} 쓰세요` : `${lineFix(a.write)}. ${a.expected}`),
  },
  "scan-host-mismatch": {
    explain: "서비스의 포트를 다른 노드의 주소와 함께 씁니다.",
    message: (a) =>
      `${a.text}에서 ${a.hostNode} 노드의 ${josa(`${a.host}:${a.port}`, "을/를")} 가리키지만, ${who(a.owner, "은/는")} ${a.ownerNode} 노드에서 실행됩니다`,
    fix: (a) => (a.write === undefined ? `${josa(`${a.address}:${a.port}`, "을/를")} 쓰세요` : lineFix(a.write)),
  },
  "scan-access-violation": {
    explain: "한 노드의 파일이나 브라우저에서 실행되는 코드가, 접근 범위가 허용하지 않는 서비스를 참조합니다.",
    message: (a) =>
      `${a.fileNode === undefined ? `${a.text}: 브라우저에서 실행되는 코드가` : `${a.fileNode} 노드의 ${a.text}에서`} ${who(a.owner, "을/를")} 참조하지만, 그 접근 범위는 ${koAccess(a.access)}입니다`,
    fix: () => "접근할 수 있는 서비스(Backend)를 거치거나, 합의한 뒤 선언된 접근 범위를 바꾸세요",
  },
  "scan-compose-loopback": {
    explain: "compose 파일이 접근 범위가 모든 노드인 서비스를 127.0.0.1에만 게시합니다.",
    message: (a) =>
      `compose 서비스 ${josa(a.service, "이/가")} ${a.port} 포트를 루프백에만 게시하지만("${a.entry}"), ${koOwner(a.owner)}의 접근 범위는 모든 노드입니다`,
    fix: (a) => `대신 "${a.replacement}"${particle(a.replacement, "으로/로")} 쓰고 \`docker compose up -d\`를 실행하세요`,
  },
  "scan-files-disagree": {
    explain: "두 파일이 같은 서비스의 포트를 서로 다르게 씁니다 (가이드의 문제 4).",
    message: (a) => `${a.text}에서 ${a.service}에 ${a.port} 포트를 쓰지만, ${a.others.first}${a.others.more === 0 ? "" : ` 외 ${a.others.more}곳`}에서는 ${a.others.port} 포트를 씁니다`,
    fix: (a) => `${a.write === undefined ? "등록된 포트로 맞춘" : `${lineFix(a.write)}. 그런`} 뒤 클라이언트를 재시작하세요`,
  },
  "scan-moved-port": {
    explain: "lint --base REF: REF 이후 서비스가 떠난 옛 포트를 파일이 아직 씁니다.",
    message: (a) => `${a.text}에서 ${koOwner(a.owner)}의 옛 포트 ${a.port}번을 씁니다. 지금은 ${nowKo(a.now)}입니다 (${a.ref} 이후 변경)`,
    fix: (a) =>
      a.write === undefined
        ? `${josa(nowKo(a.now), "을/를")} 쓰세요. \`sparkport lint --base ${a.ref} --fix\` 명령으로 고칠 내용을 볼 수 있습니다`
        : lineFix(a.write),
  },
  "scan-loopback-bind": {
    explain: "스크립트, Procfile, 셸 명령이 모든 노드용 서비스를 루프백 주소에서만 시작해, 다른 노드의 접속이 거부됩니다.",
    message: (a) => `${a.text}: ${a.host}:${a.port}에서만 리스닝합니다. ${who(a.owner, "은/는")} 모든 노드용이라 다른 노드의 접속이 거부됩니다`,
    fix: (a) => (a.command === undefined ? (a.advice ?? "0.0.0.0에서 리스닝하게 하세요") : `\`${a.command}\` 명령으로 고쳐 쓰고 다시 시작하세요`),
  },
  "scan-unknown-address": {
    explain: "파일이 어느 노드의 주소도 아닌 tailnet(100.64.0.0/10)이나 사설 대역 주소를 가리킵니다: 오타이거나 레지스트리가 모르는 머신입니다.",
    message: (a) =>
      `${a.text}: ${josa(a.host, "은/는")} 어느 노드의 주소도 아닙니다${a.nearest === undefined ? "" : `. 혹시 ${a.nearest.node} 노드(${a.nearest.address})인가요?`}`,
    fix: (a) =>
      a.nearest === undefined
        ? "노드의 주소로 바꾸거나, 그 머신을 ports.yaml의 nodes에 추가하세요"
        : a.write === undefined
          ? `그 머신이 맞다면 ${a.nearest.node} 노드의 주소 ${josa(a.nearest.address, "을/를")} 쓰세요`
          : `그 머신이 ${a.nearest.node} 노드가 맞다면 ${lineFix(a.write)}`,
  },
  "scan-reserved-port": {
    explain: "파일이 그 노드에서 예약된 포트를 씁니다: 예약만 되어 있고 아직 할당되지 않았습니다.",
    message: (a) => `${a.text}에서 ${a.node} 노드의 ${a.port} 포트를 쓰는데, 이 포트는 ${a.owner}용으로 예약만 되어 있고 아직 할당되지 않았습니다`,
    fix: () => "서비스가 생기면 할당하거나(`sparkport allocate`), 등록된 포트를 쓰세요",
  },
  "scan-origin-not-served": {
    explain: "CORS origin은 페이지를 제공하는 곳을 가리키는데, 그곳에 등록된 브라우저용 서비스가 없습니다.",
    message: (a) => `${josa(a.text, "은/는")} CORS origin이지만, ${a.node === undefined ? "어느 노드에서도" : `${a.node} 노드에서`} ${a.port} 포트로 제공되는 브라우저용 서비스가 없습니다`,
    fix: () => "프론트엔드를 제공하는 origin을 쓰거나, 그 origin을 제공하는 프론트엔드를 등록하세요",
  },
  "scan-file-problem": {
    explain: "파일 하나를 스캔하지 못했습니다. 나머지 스캔은 계속했습니다.",
    message: (a) => `스캔하지 않음: ${a.reason}`,
  },

  // 포트 하나에 대한 check와 next의 판정.
  "port-allocated": {
    explain: "레지스트리에서 이 포트는 한 서비스에 할당되어 있습니다.",
    message: (a) => `${a.port} 포트는 ${a.node} 노드에서 ${a.team}팀의 ${koOwner(a.owner)}에 할당되어 있습니다`,
    fix: (a) =>
      a.moving === true
        ? "다른 포트로 옮기세요. `sparkport next --team TEAM` 명령이 팀의 빈 포트를 보여 줍니다"
        : a.allocating === true
        ? "--port를 빼면 팀 범위의 다음 빈 포트를 받습니다. 다른 포트를 고르려면 `sparkport next --team TEAM` 명령으로 빈 포트를 보세요"
        : "다른 포트를 쓰거나(아래 다음 빈 포트 참고), 그 서비스를 시작하는 중이라면 --service NAME을 붙이세요",
  },
  "port-allocated-elsewhere": {
    explain: "이 포트는 다른 노드의 서비스에 할당되어 있습니다. 두 노드가 같은 포트 번호를 써도 되지만, 사람이 헷갈릴 수 있습니다.",
    message: (a) => `${a.port} 포트는 ${a.node} 노드의 ${koOwner(a.owner)}에도 할당되어 있습니다`,
  },
  "port-reserved": {
    explain: "이 포트는 계획된 서비스를 위해 예약되어 있습니다.",
    message: (a) => `${a.port} 포트는 ${a.reservation}용으로 예약되어 있습니다 (우선순위 ${koPriority(a.priority)})`,
    fix: () => "다른 포트를 쓰거나, 그 서비스를 시작하는 중이라면 --service NAME을 붙이세요",
  },
  "allocate-reserved": {
    explain: "이 포트는 계획된 서비스를 위해 예약되어 있습니다. allocate는 그 예약을 서비스로 바꿀 때만 이 포트를 가져갑니다.",
    message: (a) => `${a.port} 포트는 ${a.reservation}용으로 예약되어 있습니다 (우선순위 ${koPriority(a.priority)})`,
    fix: (a) =>
      a.moving === true
        ? `다른 포트로 옮기세요(\`sparkport next --team TEAM\` 명령이 팀의 빈 포트를 보여 줍니다). 예약이 더는 필요 없다면 먼저 해제하세요 (\`sparkport release ${a.name}\`)`
        : `이 예약이 ${josa(a.service, "을/를")} 위한 것이라면 --from-reservation ${josa(a.name, "을/를")} 붙이세요 (같은 편집에서 예약이 ${josa(a.service, "으로/로")} 바뀝니다). 아니라면 --port를 빼고 다음 빈 포트를 받으세요`,
  },
  "port-outside-team-range": {
    explain: "이 포트는 호출한 팀의 범위 밖에 있습니다.",
    message: (a) => `${a.port} 포트는 ${a.team}팀 범위(${list(a.ranges)}) 밖입니다`,
    fix: () => "팀 범위 안의 포트를 쓰세요",
  },
  "port-in-no-range": {
    explain: "이 포트는 어느 팀의 범위에도 속하지 않습니다.",
    message: (a) => `${a.port} 포트는 어느 팀의 범위에도 속하지 않습니다`,
    fix: () => "--team을 붙이면 그 팀의 범위를 기준으로 확인합니다",
  },
  "port-held-locally": {
    explain: "이 머신의 프로세스가 이 포트에서 리스닝하고 있습니다.",
    message: (a) => `이 머신에서 ${josa(a.holder, "이/가")} ${list(a.addresses)}의 ${a.port} 포트를 쓰고 있습니다`,
    // 서비스가 등록된 포트는 다른 무언가가 차지했다고 옮기지 않습니다.
    fix: (a) =>
      a.service === undefined
        ? "그 프로세스를 멈추거나, 다른 포트를 쓰세요"
        : `그 프로세스를 멈춘 뒤, ${josa(a.service, "을/를")} 등록된 포트 ${a.port}번에서 시작하세요 (\`sparkport doctor ${a.port}\` 명령이 방법을 알려 줍니다)`,
  },
  "port-held-unknown": {
    explain: "포트를 바인딩할 수 없는데 주인이 보이지 않습니다 (다른 사용자의 프로세스).",
    message: (a) => `${list(a.addresses)}의 ${a.port} 포트를 sparkport가 볼 수 없는 프로세스가 쓰고 있습니다`,
    fix: () => "sudo로(또는 관리자 권한으로) 다시 실행하면 주인을 볼 수 있습니다",
  },
  "port-excluded": {
    explain: "Windows가 이 포트를 예약해 두었습니다(excludedportrange): 아무것도 리스닝하지 않아도 바인딩이 EACCES로 실패합니다.",
    message: (a) => `${a.port} 포트는 제외 범위 ${a.from}-${a.to} 안에 있어 바인딩이 EACCES로 실패합니다`,
    fix: () => "제외 범위 밖의 포트를 쓰세요 (`netsh interface ipv4 show excludedportrange protocol=tcp`)",
  },
  "port-bind-denied": {
    explain: "이 포트는 바인딩이 허용되지 않습니다 (특권 포트이거나 OS가 예약한 포트).",
    message: (a) => `${list(a.addresses)}에서 ${a.port} 포트 바인딩이 허용되지 않습니다`,
    fix: (a) => (a.port < 1024 ? "1024 미만 포트는 root 권한이 필요합니다. 1024 이상의 포트를 쓰세요" : "OS가 예약한 포트입니다. 다른 포트를 쓰세요"),
  },
  "port-open-on-node": {
    explain: "그 포트를 가진 노드에서 무언가가 이 포트로 연결을 받고 있습니다.",
    message: (a) => `${a.node} 노드(${a.host})의 ${a.port} 포트가 열려 있습니다: 이미 무언가가 리스닝하고 있습니다`,
    fix: () => "다른 포트를 쓰거나, 그 노드에서 `sparkport check`로 주인을 찾으세요",
  },
  "port-filtered-on-node": {
    explain: "제한 시간 안에 응답이 없습니다: 방화벽이 프로브를 버려 노드에서의 포트 상태를 알 수 없습니다.",
    message: (a) => `${a.node} 노드(${a.host})의 ${a.port} 포트가 ${a.timeoutMs} ms 안에 응답하지 않았습니다 (filtered)`,
    fix: () => "노드의 방화벽을 확인하거나, 그 노드에서 `sparkport check`를 실행하세요",
  },
  "port-rejected-on-node": {
    explain: "노드가 다른 포트에는 응답하는데 방화벽이 프로브를 거부했습니다(ICMP REJECT): 포트 상태를 알 수 없습니다.",
    message: (a) => `${a.node} 노드(${a.host})의 ${a.port} 포트를 방화벽이 거부했습니다 (${a.detail}, 노드는 다른 포트에 응답합니다)`,
    fix: () => "이 포트에 대한 노드의 방화벽 규칙을 확인하거나, 그 노드에서 `sparkport check`를 실행하세요",
  },
  "port-udp-silent-on-node": {
    explain: "UDP 프로브에 제한 시간 안에 ICMP 거부가 오지 않았습니다(open|filtered): 무언가가 포트를 쓰고 있거나, 방화벽이 버리고 있습니다.",
    message: (a) => `${a.node} 노드(${a.host})의 ${a.port}/udp 포트가 ${a.timeoutMs} ms 안에 거부 응답을 보내지 않았습니다 (open|filtered): 사용 중일 수 있습니다`,
    fix: () => "소켓 테이블로 확인할 수 있는 그 노드에서 `sparkport check --protocol udp`를 실행하세요",
  },
  "port-unverified-on-node": {
    explain: "물어볼 수 없는 노드(응답 없음, 경로 없음)의 포트는 절대 빈 포트로 내놓지 않습니다.",
    message: (a) => `${a.port} 포트는 레지스트리상 비어 있지만, ${a.node} 노드에 확인할 수 없어 검증되지 않았습니다. 상태: ${koState(a.state)}`,
    fix: () => "그 노드에서 명령을 실행하거나, 레지스트리만 보고 포트를 받으려면 --no-remote를 붙이세요",
  },
  "service-localhost-only": {
    explain: "모든 노드용 서비스가 자기 노드에서 루프백에서만 리스닝해, 다른 노드의 접속이 거부됩니다.",
    message: (a) => `${a.node} 노드의 ${who(a.owner, "은/는")} ${list(a.addresses)}에서만 리스닝합니다: 다른 노드는 ${a.port} 포트에 접속할 수 없습니다`,
    fix: (a) => `모든 인터페이스에서 리스닝하게 하세요. ${a.node} 노드에서 \`sparkport doctor ${a.port}\` 명령을 실행하면 그 프로그램에 맞는 명령을 알려 줍니다`,
  },
  "node-unreachable": {
    explain: "이 머신에서 노드의 주소에 도달할 수 없습니다.",
    message: (a) => `이 머신에서 ${a.node} 노드(${a.host})에 도달할 수 없습니다 (${koDetail(a.detail)})`,
    fix: () => "`tailscale status`로 노드가 켜져 있는지 확인하세요",
  },
  "node-name-error": {
    explain: "노드의 호스트 이름을 확인(resolve)할 수 없습니다.",
    message: (a) => `${a.node} 노드의 주소 ${josa(a.host, "을/를")} 확인할 수 없습니다 (이름 확인 실패)`,
    fix: () => "ports.yaml에 노드의 Tailscale IP 주소를 쓰거나, MagicDNS를 확인하세요",
  },
  "tailscale-down": {
    explain: "Tailscale이 설치되어 있지만 이 머신에서 실행 중이 아니라, 100.x 주소에 도달할 수 없습니다.",
    message: (a) => `이 머신의 Tailscale 상태가 ${a.state}입니다: 100.x 주소에 도달할 수 없습니다`,
    fix: () => "`tailscale up`을 실행하세요",
  },
  "tailscale-userspace": {
    explain: "Tailscale이 userspace-networking 모드(TUN 꺼짐)로 실행 중입니다: 일반 프로그램은 100.x 주소에 도달할 수 없습니다.",
    message: () => "Tailscale이 userspace networking으로 실행 중입니다 (TUN: false): 일반 프로그램에서는 100.x 주소에 도달할 수 없습니다",
    fix: () => "tailscaled를 TUN 장치와 함께 실행하거나, tailscaled의 SOCKS5/HTTP 프록시를 쓰세요",
  },
  "tailscale-error": {
    explain: "tailscale CLI는 있지만 상태를 알려 주지 않았습니다.",
    message: (a) => `tailscale status가 실패했습니다 (${a.detail}). 레지스트리에 선언된 주소를 씁니다`,
    fix: () => "tailscaled가 실행 중인지 확인하세요 (`tailscale status`)",
  },
  "probes-skipped": {
    explain: "실행 시한 전에 시작하지 못한 프로브가 있습니다 (--concurrency개 프로브 한 묶음마다 --timeout 한 번).",
    message: (a) => `${count(a.count, "서비스")}를 확인하지 못했습니다: 실행 시한 ${a.deadlineMs} ms에 도달했습니다`,
    fix: () => "--timeout이나 --concurrency를 늘리세요",
  },
  "tailscale-missing": {
    explain: "이 머신에 tailscale CLI가 없습니다: 노드 주소를 선언된 그대로 씁니다.",
    message: () => "이 머신에 tailscale CLI가 설치되어 있지 않습니다. 레지스트리에 선언된 주소를 씁니다",
  },
  "tailscale-peer-offline": {
    explain: "Tailscale이 노드를 오프라인으로 보고합니다.",
    message: (a) => `Tailscale이 ${a.node} 노드(${a.host})를 오프라인으로 보고합니다`,
    fix: () => "노드를 깨우거나, 그 노드에서 Tailscale을 시작하세요",
  },
  "remote-skipped": {
    explain: "원격 프로브가 꺼져 있습니다 (--no-remote 또는 SPARKPORT_OFFLINE=1).",
    message: (a) => `${a.node} 노드의 원격 프로브를 건너뛰었습니다 (오프라인 모드)`,
  },

  // 레지스트리 변경: allocate, release, set-status.
  "allocate-name-taken": {
    explain: "새 서비스에는 다른 서비스가 쓰지 않는 이름이 필요합니다.",
    message: (a) => `"${a.name}" 이름의 서비스가 이미 있습니다`,
    fix: () => "다른 이름을 고르거나, 그 서비스를 수정하세요",
  },
  "allocate-locked": {
    explain: "고정된 포트는 공통 인프라의 것이며 절대 옮기지 않습니다.",
    message: (a) => `${a.port} 포트는 ${a.node} 노드에서 ${a.team}팀 ${koOwner(a.owner)}의 고정 포트입니다`,
    fix: () => "다른 포트를 쓰세요. 공통 인프라 포트는 바뀌지 않습니다",
  },
  "release-locked": {
    explain: "고정된 서비스는 --force를 붙여야만 해제됩니다.",
    message: (a) => `${josa(a.service, "은/는")} 고정된 공통 인프라입니다. 아무것도 쓰지 않았습니다`,
    fix: () => "팀이 삭제에 동의했다면 --force를 붙이세요 (먼저 공지하세요)",
  },
  "move-locked": {
    explain: "고정된 서비스의 포트는 옮기지 않습니다. 모든 팀이 동의했을 때만 move에 --force를 붙여 옮깁니다.",
    message: (a) => `${josa(a.service, "은/는")} 고정된 공통 인프라입니다. 모든 팀이 쓰는 포트라서 ${a.port} 포트를 바꾸면 안 됩니다`,
    fix: () => "모든 팀이 이전에 동의했다면 --force를 붙이세요 (가이드는 일주일 전에 이슈를 열라고 합니다)",
  },

  // status: 선언된 상태와 실제 상태.
  "declared-running-but-down": {
    explain: "실행 중으로 선언된 서비스가 연결을 받지 않습니다.",
    message: (a) => `${a.node} 노드의 ${who(a.owner, "은/는")} 실행 중(running)으로 선언되어 있지만 실제 상태는 ${koState(a.observed)}입니다`,
    fix: (a) =>
      `${a.start === undefined ? "그 노드에서 시작하세요" : `그 노드에서 시작하세요: \`${a.start}\``}. 일부러 멈춘 것이라면 그렇게 기록하세요: \`sparkport set-status ${a.service ?? "NAME"} stopped\``,
  },
  "declared-stopped-but-open": {
    explain: "중지·예약·계획 상태로 선언된 서비스의 포트에서 무언가가 응답합니다.",
    message: (a) => `${a.node} 노드의 ${who(a.owner, "은/는")} ${josa(koStatus(a.status), "으로/로")} 선언되어 있지만, 포트가 열려 있습니다`,
    fix: () => "그 노드에서 `sparkport check`로 무엇이 포트를 쓰는지 찾거나, 선언된 상태를 고치세요",
  },

  // status --source prometheus: Prometheus의 샘플로 알 수 없는 것.
  "prometheus-samples-missing": {
    explain: "일부 서비스의 probe_success 샘플이 Prometheus에 없습니다: 실패가 아니라 알 수 없음입니다.",
    message: (a) => `${a.url}의 Prometheus에 샘플이 없는 ${count(a.count, "서비스")}: 알 수 없음`,
    fix: () => "`sparkport export prometheus --write FILE`의 대상을 Prometheus에 주고(file_sd_configs) 한 번 수집하게 하세요",
  },
  "prometheus-samples-stale": {
    explain: "작업의 수집 간격 세 번보다 오래된 샘플은 지금 상태를 말하지 못합니다: 그 서비스는 알 수 없음입니다.",
    message: (a) => `샘플이 수집 간격 세 번보다 오래된 ${count(a.count, "서비스")}: 알 수 없음`,
    fix: () => "Prometheus가 blackbox exporter를 계속 수집하는지 확인하세요 (Prometheus의 /targets 페이지)",
  },
  "prometheus-interval-unknown": {
    explain: "Prometheus가 작업의 수집 간격을 알려 주지 않아 샘플이 오래됐는지 판단할 수 없습니다: Prometheus가 보관하는 동안(5분) 그대로 씁니다.",
    message: (a) =>
      `${a.jobs.length === 0 || (a.jobs.length === 1 && a.jobs[0] === "") ? "프로브 작업" : `${list(a.jobs)} 작업`}의 수집 간격을 알 수 없습니다${a.detail === undefined ? "" : ` (${a.detail})`}: 샘플이 오래됐는지 판단하지 않습니다`,
    fix: () => "그 Prometheus의 /api/v1/targets를 sparkport가 읽을 수 있게 하세요",
  },

  // doctor: 진단마다 근거와 복사해 쓸 명령이 붙습니다.
  "doctor-port-in-use": {
    explain: "Address already in use: 이 머신의 다른 프로세스가 포트를 쓰고 있습니다.",
    message: (a) =>
      `이 머신에서 ${josa(a.holder, "이/가")} ${list(a.addresses)}의 ${a.port} 포트를 쓰고 있습니다${a.service === undefined ? "" : `. 레지스트리는 ${a.port} 포트를 ${a.service}에 할당했습니다`}`,
    fix: (a) =>
      a.locked === true
        ? `${a.port} 포트는 ${a.service ?? "그 서비스"}에 고정된 포트라 절대 옮기지 않습니다: 점유한 프로세스를 멈춘 뒤(아래 명령) ${josa(a.service ?? "서비스", "을/를")} 시작하세요`
        : "점유한 프로세스를 멈추거나(아래 명령), 서비스를 등록된 포트나 다음 빈 포트에서 시작하세요",
  },
  "doctor-service-running": {
    explain: "포트를 점유한 것이 레지스트리가 이 포트를 준 바로 그 서비스입니다: 이미 이 머신에서 실행 중입니다.",
    message: (a) => `${a.port} 포트는 ${josa(a.holder, "이/가")} 쓰고 있으며, 이는 ${a.service} 자신입니다: 이미 이 머신에서 실행 중입니다`,
    fix: (a) =>
      [
        `${josa(a.service, "을/를")} 시작하려던 것이라면 이미 실행 중이니 그대로 쓰세요`,
        a.locked
          ? `${josa(a.service, "은/는")} 고정된 공통 인프라입니다: 멈추지 마세요. 여기에 접속하는 모든 서비스가 실패합니다`
          : `다시 시작하려면 먼저 멈추고, 이 서비스에 기대는 다른 것이 없는지 확인하세요 (\`sparkport status\`)`,
        a.instead === undefined ? `다른 서비스에는 ${a.port}번이 아닌 별도의 포트가 필요합니다` : `다른 서비스에는 별도의 포트가 필요합니다: ${a.instead} 포트가 비어 있습니다`,
      ].join(". "),
  },
  "doctor-docker-holder": {
    explain: "Docker 컨테이너가 게시한 포트가 이 포트를 점유하고 있습니다.",
    message: (a) => `${a.port} 포트는 Docker 컨테이너 ${josa(a.container, "이/가")} 게시하고 있습니다 (${a.published})`,
    fix: (a) => `\`docker stop ${a.container}\` 명령으로 멈추거나, 게시 포트를 바꾸세요`,
  },
  "doctor-localhost-only": {
    explain: "서비스가 127.0.0.1이나 ::1에서만 리스닝해, 다른 노드의 접속이 거부됩니다.",
    message: (a) => `${who(a.owner, "은/는")} ${list(a.addresses)}에서만 리스닝하므로${a.program === "unknown" ? "" : `(${koProgram(a.program)})`}, 다른 노드에서 ${a.port} 포트로 오는 접속이 거부됩니다`,
    fix: () => "모든 인터페이스에서 리스닝하게 한 뒤(아래 명령) 다시 시작하세요",
  },
  "doctor-family-mismatch": {
    explain: "이름은 한 주소 체계(IPv4/IPv6)로 해석되는데, 서버는 다른 체계에서 리스닝합니다.",
    message: (a) => `${josa(`${a.host}:${a.port}`, "은/는")} ${a.listening}에서는 응답하지만 ${a.refused}에서는 거부합니다: 서버가 한 주소 체계에서만 리스닝합니다`,
    fix: (a) => `${a.listening}에 직접 접속하거나, 서버가 두 체계 모두에서 리스닝하게 하세요 (IPV6_V6ONLY 없이 ::, 또는 0.0.0.0과 ::)`,
  },
  "doctor-nothing-listening": {
    explain: "노드의 이 포트에서 아무것도 리스닝하지 않습니다.",
    message: (a) =>
      `${koPlace(a.node)}의 ${a.port} 포트에서 아무것도 리스닝하지 않습니다. ${a.status === undefined ? "이 포트는 레지스트리에 없습니다" : `${who(a.owner, "은/는")} ${josa(koStatus(a.status), "으로/로")} 선언되어 있습니다`}`,
    fix: (a) => (a.start === undefined ? `${a.port} 포트에서 리스닝해야 할 서비스를 시작하세요` : `${koPlace(a.node)}에서 시작하세요: ${a.start}`),
  },
  "doctor-refused-remote": {
    explain: "노드가 이 포트의 접속을 거부합니다: 아무것도 리스닝하지 않거나, localhost에서만 리스닝합니다.",
    message: (a) => `${josa(`${a.host}:${a.port}`, "이/가")} 이 머신의 접속을 거부합니다: ${a.node} 노드에서 아무것도 리스닝하지 않거나, localhost에서만 리스닝합니다`,
    fix: (a) => `어느 쪽인지 알려면 ${a.node} 노드에서 \`sparkport doctor ${a.service}\` 명령을 실행하세요`,
  },
  "doctor-localhost-only-remote": {
    explain: "노드의 `sparkport serve`가 거부된 서비스를 루프백에만 바인드했다고 보고합니다: 다른 노드는 접속할 수 없습니다.",
    message: (a) => `${a.node} 노드의 ${who(a.owner, "은/는")} 127.0.0.1에서만 리스닝합니다${a.holder === "" ? "" : ` (${a.holder})`}: 다른 노드에서 ${a.port} 포트로의 접속이 거부됩니다`,
    fix: (a) => `0.0.0.0이나 ${a.node} 노드의 주소에서 리스닝하게 한 뒤 다시 시작하세요. ${a.node} 노드에서 \`sparkport doctor ${a.port}\` 명령을 실행하면 그 프로그램에 맞는 명령을 알려 줍니다`,
  },
  "doctor-filtered": {
    explain: "제한 시간 안에 응답이 없습니다: 방화벽이나 Tailscale ACL이 패킷을 버립니다.",
    message: (a) =>
      `${josa(`${a.host}:${a.port} (${a.node} 노드의 ${koOwner(a.owner)})`, "이/가")} ${a.timeoutMs} ms 안에 응답하지 않습니다: 방화벽이나 Tailscale ACL이 패킷을 버리고 있습니다`,
    fix: () => "노드의 방화벽과 tailnet ACL을 확인하세요 (아래 명령)",
  },
  "doctor-firewall-refused": {
    explain: "노드가 다른 포트에는 응답하는데, 방화벽이 접속을 거부했습니다(ICMP REJECT).",
    message: (a) => `${a.host}:${a.port} (${a.node} 노드의 ${koOwner(a.owner)}): 방화벽이 접속을 거부했습니다 (${a.detail}). 노드 자체는 응답합니다`,
    fix: () => "노드의 방화벽에서 이 포트를 허용하세요 (아래 명령)",
  },
  "doctor-unreachable": {
    explain: "이 머신에서 노드의 주소에 도달할 수 없습니다.",
    message: (a) => `이 머신에서 ${a.node} 노드(${a.host})에 도달할 수 없습니다 (${koDetail(a.detail)})`,
    fix: () => "양쪽 모두 Tailscale이 켜져 있고 노드가 온라인인지 확인하세요",
  },
  "doctor-docker-loopback": {
    explain: "컨테이너가 포트를 루프백에만 게시해, 다른 노드가 접근할 수 없습니다.",
    message: (a) => `Docker 컨테이너 ${josa(a.container, "이/가")} ${a.port} 포트를 ${a.hostIp}에만 게시합니다`,
    fix: (a) => `"${a.replacement}"${particle(a.replacement, "으로/로")} 게시한 뒤(compose의 \`ports:\`, 또는 \`-p ${a.replacement}\`) 컨테이너를 다시 만드세요`,
  },
  "doctor-compose-loopback": {
    explain: "compose 파일이 포트를 루프백에만 게시합니다.",
    message: (a) => `compose 서비스 ${josa(a.service, "이/가")} ${a.port} 포트를 ${a.hostIp}에만 게시합니다 ("${a.entry}")`,
    fix: (a) => `대신 "${a.replacement}"${particle(a.replacement, "으로/로")} 쓰고 \`docker compose up -d\`를 실행하세요`,
  },
  "doctor-env-mismatch": {
    explain: "클라이언트 쪽 env 값이 레지스트리의 서비스가 아닌 곳을 가리킵니다.",
    message: (a) => `${a.key}=${a.value} 값이 ${josa(`${koOwner(a.owner)} (${a.expected})`, "을/를")} 가리키지 않습니다`,
    fix: (a) => `${lineFix(a.write)}. 그런 뒤 클라이언트를 재시작하세요`,
  },
  "doctor-tailscale-ping": {
    explain: "`tailscale ping`이 노드에 대해 알려 준 내용입니다.",
    message: (a) => `tailscale ping ${a.node}: ${koPingResult(a.result)}`,
  },
  "doctor-check-skipped": {
    explain: "doctor의 검사 하나를 이 머신에서 실행할 수 없었습니다.",
    message: (a) => `${a.check} 검사를 건너뛰었습니다: ${a.reason}`,
  },
  "doctor-healthy": {
    explain: "doctor가 확인한 항목에 문제가 없습니다.",
    message: (a) => `${a.host}:${a.port}의 ${koOwner(a.owner)}에서 문제를 찾지 못했습니다`,
  },

  // 레지스트리를 읽지 못하게 하는 문제 (종료 코드 2).
  "registry-not-found": {
    explain: "레지스트리 파일을 지정하지 않았고, 찾지도 못했습니다.",
    message: (a) => `${josa(a.cwd, "과/와")} 그 상위 폴더 어디에도 ports.yaml이 없습니다`,
    fix: () => "`sparkport init`으로 만들거나, --registry FILE 또는 SPARKPORT_REGISTRY로 지정하세요",
  },
  "registry-unreadable": {
    explain: "레지스트리 파일을 읽을 수 없습니다.",
    message: (a) => `파일을 읽을 수 없습니다: ${typeof a.reason === "string" ? READ_REASONS_KO[a.reason] : a.reason.other}`,
    fix: (a) => (a.similar === undefined ? "경로를 확인하거나, --registry FILE로 파일을 지정하세요" : `혹시 ${a.similar}인가요? --registry ${a.similar} 옵션으로 지정하세요`),
  },
  "registry-not-a-file": {
    explain: "레지스트리 경로가 파일이 아니라 디렉터리 같은 것을 가리킵니다.",
    message: (a) => (a.kind === "directory" ? "파일이 아니라 디렉터리입니다" : "일반 파일이 아닙니다 (파이프, 소켓, 장치). 아무것도 읽지 않았습니다"),
    fix: () => "--registry가 ports.yaml 파일 자체를 가리키게 하세요",
  },
  "registry-not-utf8": {
    explain: "레지스트리는 UTF-8 텍스트여야 합니다.",
    message: (a) => `올바른 UTF-8이 아닙니다 (바이트 0x${a.byte}). UTF-8 텍스트여야 합니다`,
    fix: () => "파일을 UTF-8로 다시 저장하세요",
  },
  "registry-empty": {
    explain: "레지스트리 파일에 YAML 문서가 없습니다.",
    message: () => "파일이 비어 있습니다. version, nodes, teams, environments, services가 있는 매핑이어야 합니다",
    fix: () => "`sparkport init`으로 시작 파일을 만드세요",
  },
  "yaml-syntax": {
    explain: "레지스트리가 올바른 YAML이 아닙니다.",
    message: (a) => `YAML 문법 오류: ${koYamlDetail(a.detail)}`,
  },
  "yaml-duplicate-key": {
    explain: "YAML 매핑에 같은 키가 두 번 있어, 한쪽 값이 말없이 무시됩니다.",
    message: (a) => `중복된 키 "${a.key}": 매핑마다 키는 한 번만 써야 합니다`,
    fix: () => "둘 중 하나를 지우거나 이름을 바꾸세요",
  },
  "yaml-alias-limit": {
    explain: "YAML이 안전한 한도를 넘어 별칭(alias)을 펼칩니다 (alias bomb).",
    message: (a) => `별칭 확장이 너무 많습니다 (${a.limit}회 초과). alias bomb이 없는 레지스트리여야 합니다`,
    fix: () => "별칭을 겹겹이 쓰지 말고 값을 직접 쓰세요",
  },
  "schema-invalid": {
    explain: "값의 타입이나 형식이 레지스트리 스키마와 맞지 않습니다.",
    message: (a) =>
      `${josa(koExpected(a.expected), "이어야/여야")} 합니다${a.received === undefined ? "" : ` (받은 값: ${koReceived(a.received)})`}${didYouMean(a.suggestion)}`,
  },
  "schema-unknown-key": {
    explain: "레지스트리 스키마가 모르는 키입니다 (오타이거나 더 새 버전의 필드).",
    message: (a) => `알 수 없는 키 "${a.key}"${didYouMean(a.suggestion)}`,
    fix: (a) => `다음 중 하나여야 합니다: ${list(a.allowed)}`,
  },
};
