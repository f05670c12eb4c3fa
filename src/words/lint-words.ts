import { josa } from "../findings/josa.js";
import { plural } from "../util/plural.js";
import { twin } from "./twin.js";

/** Why the scan skipped a file (project/port-reference.ts's SkipReason). */
const REASONS = {
  binary: "binary",
  "not-utf8": "not UTF-8",
  "long-line": "a line over 256 KB",
  "too-large": "over 2 MB",
  unreadable: "unreadable",
  "not-a-file": "not a regular file",
  "link-out-of-tree": "symbolic link out of the tree",
  "broken-link": "broken symbolic link",
  "git-repository": "nested git repository",
};

const en = {
  /** lint's account of the scan: `scan: 9 files read, 26 port references; 2 skipped (1 binary, 1 over 2 MB); 1 file that ...`. */
  scan: {
    reasons: REASONS as Record<keyof typeof REASONS, string>,
    skippedList: (n: number) => `skipped (${n}):`,
    unmappedList: (n: number) => `no scan.nodes glob maps (${n}):`,
    read: (files: number, references: number) => `scan: ${plural(files, "file")} read, ${plural(references, "port reference")}`,
    /** One reason's count in the skipped clause: `1 binary`. */
    reasonCount: (n: number, reason: string) => `${n} ${reason}`,
    skipped: (n: number, reasons: readonly string[]) => `${n} skipped (${reasons.join(", ")})`,
    unmapped: (n: number) => `${plural(n, "file")} that no scan.nodes glob maps to a node`,
    verboseHint: " (--verbose lists them)",
  },
  /** lint --fix: the certain edits as a diff, the suggestions with why, and what --write does. */
  fixes: {
    wroteFile: (file: string) => `wrote ${file}`,
    suggested: (edits: number) => `suggested, not applied (${plural(edits, "edit")}; check by hand):`,
    wrote: (files: number) => `wrote ${plural(files, "file")}; what is left after the fixes:`,
    writeApplies: (files: number) => `--fix --write applies the edits above that are not marked as suggestions (${plural(files, "file")})`,
    noneCertain: "no edit is certain enough to write",
  },
  /** Why an edit of --fix is only a suggestion (project/edit-certainty.ts, apply-scan-edits.ts, rules/project). */
  doubts: {
    unmappedFile: "no scan.nodes glob maps the file",
    portFrom: (file: string) => `the port comes from ${file}`,
    browserToBackend: (label: string) => `it runs in a browser, and ${label} is backend-only`,
    roleUnknown: "the scan cannot tell whether the file listens on it or connects to it",
    origin: "a CORS origin names where a page is served, not a connection",
    internal: "an internal reference (inside a container or a compose network)",
    browser: "it runs in a browser, whose way to the service may differ",
    noService: "no registered service is there",
    notNamed: (label: string) => `nothing in it names ${label}: it may be another service on the same port`,
    listensWider: "it makes the service listen on every interface, not loopback only",
    publishesWider: "it publishes the port on every interface, not loopback only",
    partlyRead: (problem: string) => `the scan could not read all of the file (${problem})`,
    lineCount: "it would change the number of lines",
    overlaps: "it overlaps another edit",
    listCollapse: "two entries of its list would become the same",
    publishedTwice: (port: number) => `the file would publish host port ${port} twice`,
  },
};

export const lintWords = twin<typeof en>({
  en,
  ko: {
    scan: {
      reasons: {
        binary: "바이너리",
        "not-utf8": "UTF-8 아님",
        "long-line": "256 KB 넘는 줄",
        "too-large": "2 MB 초과",
        unreadable: "읽을 수 없음",
        "not-a-file": "일반 파일 아님",
        "link-out-of-tree": "트리 밖을 가리키는 심볼릭 링크",
        "broken-link": "깨진 심볼릭 링크",
        "git-repository": "안에 든 별도 git 저장소",
      },
      skippedList: (n) => `건너뛴 파일 (${n}):`,
      unmappedList: (n) => `scan.nodes 글롭에 맞는 노드가 없는 파일 (${n}):`,
      read: (files, references) => `스캔: 파일 ${files}개를 읽고 포트 참조 ${references}곳을 찾았습니다`,
      reasonCount: (n, reason) => `${reason} ${n}개`,
      skipped: (n, reasons) => `${n}개는 건너뜀 (${reasons.join(", ")})`,
      unmapped: (n) => `scan.nodes 글롭으로 노드를 정할 수 없는 파일 ${n}개`,
      verboseHint: " (--verbose로 목록을 볼 수 있습니다)",
    },
    fixes: {
      wroteFile: (file) => `${file} 파일을 고쳤습니다`,
      suggested: (edits) => `제안만 하고 적용하지 않은 수정 ${edits}개 (직접 확인하세요):`,
      wrote: (files) => `파일 ${files}개를 고쳤습니다. 고친 뒤에도 남은 문제:`,
      writeApplies: (files) => `--fix --write는 위 수정 중 제안으로 표시되지 않은 것을 적용합니다 (파일 ${files}개)`,
      noneCertain: "파일에 바로 써도 될 만큼 확실한 수정이 없습니다",
    },
    doubts: {
      unmappedFile: "scan.nodes 글롭으로 이 파일의 노드를 정할 수 없습니다",
      portFrom: (file) => `포트 값이 ${file}에서 옵니다`,
      browserToBackend: (label) => `브라우저에서 실행되는 코드인데, ${josa(label, "은/는")} Backend 전용입니다`,
      roleUnknown: "파일이 이 포트에서 리스닝하는지 접속하는지 스캔으로는 알 수 없습니다",
      origin: "CORS origin은 페이지를 제공하는 곳을 가리킬 뿐, 접속 대상이 아닙니다",
      internal: "내부 참조입니다 (컨테이너 안이나 compose 네트워크 안)",
      browser: "브라우저에서 실행되는 코드라서 서비스에 닿는 경로가 다를 수 있습니다",
      noService: "그 자리에 등록된 서비스가 없습니다",
      notNamed: (label) => `파일에 ${josa(label, "을/를")} 가리키는 이름이 없습니다: 같은 포트를 쓰는 다른 서비스일 수 있습니다`,
      listensWider: "서비스가 루프백만이 아니라 모든 인터페이스에서 리스닝하게 됩니다",
      publishesWider: "포트가 루프백만이 아니라 모든 인터페이스에 공개됩니다",
      partlyRead: (problem) => `스캔이 파일 전체를 읽지 못했습니다 (${problem})`,
      lineCount: "줄 수가 바뀝니다",
      overlaps: "다른 수정과 겹칩니다",
      listCollapse: "목록의 두 항목이 같아집니다",
      publishedTwice: (port) => `파일이 호스트 포트 ${josa(String(port), "을/를")} 두 번 공개하게 됩니다`,
    },
  },
});
