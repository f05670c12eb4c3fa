import { setFlagsFromString } from "node:v8";

/**
 * Asks V8 to favour memory over speed and to stop growing the young
 * generation. `status` over 10,000 services keeps about 20 MB alive, but
 * while its probes run and its rows are built V8 lets the young generation
 * grow to 32 MB and the old one fill with what was promoted: 117 MB peak RSS,
 * 86 MB with these, for a tenth more time. Set at run time, which Node asks
 * to do with care: both are read by the collector at each collection, not at
 * start-up. Only the shell (src/cli.ts) calls this.
 */
export function leanHeap(): void {
  setFlagsFromString("--optimize-for-size");
  setFlagsFromString("--semi-space-growth-factor=1");
}
