import type { ExcludedRange } from "../observe/listener.js";
import { checkPort, sentences } from "./fix-helpers.js";
import { FIX_TEXT, type FixText } from "./fix-text.js";

/** Another port, or reserve this one (`netsh ... excludedportrange`). */
export function excludedPortFix(port: number, range: ExcludedRange, suggestion?: number): FixText {
  checkPort(port);
  if (suggestion !== undefined) checkPort(suggestion);
  return {
    summary: sentences(FIX_TEXT.excluded({ port, from: range.from, to: range.to }), FIX_TEXT.suggestion(suggestion), FIX_TEXT.excludedReserve),
    commands: [
      "netsh interface ipv4 show excludedportrange protocol=tcp",
      "net stop winnat",
      `netsh int ipv4 add excludedportrange protocol=tcp startport=${port} numberofports=1`,
      "net start winnat",
    ],
  };
}
