import { makeFinding, type Finding, type Location } from "../findings/finding.js";
import { familyText, holderText, type LocalVerdict } from "./local-verdict.js";

/**
 * What this machine's verdict on a port says, as check, allocate and request all say it. `service`: the port is
 * that service's registered one, which the fix keeps.
 */
export function localFindings(port: number, local: LocalVerdict, where: Location, service?: string): Finding[] {
  const found: Finding[] = [];
  for (const holder of local.holders) {
    found.push(makeFinding("port-held-locally", "error", { port, holder: holderText(holder), addresses: holder.addresses.map(familyText), ...(service === undefined ? {} : { service }) }, where));
  }
  const inUse = local.binds.filter((b) => b.state === "in-use").map((b) => b.address);
  if (local.holders.length === 0 && inUse.length > 0) found.push(makeFinding("port-held-unknown", "error", { port, addresses: inUse }, where));
  const excluded = local.excluded;
  if (excluded !== null) found.push(makeFinding("port-excluded", "error", { port, from: excluded.from, to: excluded.to }, where));
  const denied = local.binds.filter((b) => b.state === "denied").map((b) => b.address);
  if (excluded === null && denied.length > 0) found.push(makeFinding("port-bind-denied", "error", { port, addresses: denied }, where));
  return found;
}
