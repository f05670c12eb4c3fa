import type { ExcludedRange } from "../observe/listener.js";
import { checkPort, sentences } from "./fix-helpers.js";
import type { FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

/** Another port, or reserve this one (`netsh ... excludedportrange`). */
export function excludedPortFix(port: number, range: ExcludedRange, suggestion?: number): FixText {
  checkPort(port);
  if (suggestion !== undefined) checkPort(suggestion);
  const t = fixWords();
  return {
    summary: sentences(t.excluded({ port, from: range.from, to: range.to }), t.suggestion(suggestion), t.excludedReserve),
    commands: [
      "netsh interface ipv4 show excludedportrange protocol=tcp",
      "net stop winnat",
      `netsh int ipv4 add excludedportrange protocol=tcp startport=${port} numberofports=1`,
      "net start winnat",
    ],
  };
}
