import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Real command outputs (lsof, ss, netstat, tasklist, tailscale, docker); SOURCES.md there says where each came from. */
export const OS_FIXTURES = fileURLToPath(new URL("../fixtures/os-output/", import.meta.url));

/** The text of one real command output. */
export function osOutput(name: string): string {
  return readFileSync(`${OS_FIXTURES}${name}`, "utf8");
}
