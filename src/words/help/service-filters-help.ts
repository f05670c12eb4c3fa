import type { Language } from "../../findings/language.js";

// The filters list and status share (commands/define-command.ts serviceFilters).
const en = { team: "only this team's services", node: "only services on this node" };

export const serviceFiltersHelp: { readonly [L in Language]: typeof en } = {
  en,
  ko: { team: "이 팀의 서비스만", node: "이 노드의 서비스만" },
};
