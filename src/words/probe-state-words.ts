/** A probe's states in Korean: status's OBSERVED column and wait's last look say them alike. */
export const KO_PROBE_STATE = {
  open: "열림",
  closed: "닫힘",
  filtered: "응답 없음",
  "open|filtered": "열림 또는 차단",
  unreachable: "도달 불가",
  "name-error": "이름 확인 실패",
} as const;
