import { checkPort, sentences } from "./fix-helpers.js";
import type { FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";
import { findHolder } from "./stop-process-fix.js";

export function privilegedPortFix(os: FixOs, port: number, suggestion?: number): FixText {
  checkPort(port);
  if (suggestion !== undefined) checkPort(suggestion);
  const t = fixWords().privileged;
  const instead = fixWords().suggestion(suggestion);
  switch (os) {
    case "linux":
      return { summary: sentences(t.linux(port), instead), commands: ["sysctl net.ipv4.ip_unprivileged_port_start"] };
    case "macos":
      return { summary: sentences(t.macos(port), instead), commands: [] };
    case "windows":
      return { summary: sentences(t.windows(port), instead), commands: ["netsh interface ipv4 show excludedportrange protocol=tcp", findHolder(os, port, false)] };
  }
}
