import { twin } from "./twin.js";

// The label before a finding's fix where a command prints findings as its own lines (check, doctor, and the
// refusals of allocate, release and set-status).
const en = { fix: "fix:" };

export const findingWords = twin<typeof en>({ en, ko: { fix: "해결:" } });
