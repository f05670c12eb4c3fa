import { setFlagsFromString } from "node:v8";

/** Majors whose V8 has both flags (measured on Node 20); elsewhere an unknown flag would be printed on stderr. */
const NODE_MAJORS = [20, 21, 22, 23, 24];

/**
 * Asks V8 to favour memory over speed and to stop growing the young
 * generation. `status` over 10,000 services keeps about 20 MB alive, but
 * while its probes run and its rows are built V8 lets the young generation
 * grow to 32 MB and the old one fill with what was promoted: 117 MB peak RSS,
 * 83 MB with these on Node 20, for about a quarter more time. Set at run
 * time, which Node asks to do with care: both are read by the collector at
 * each collection, not at start-up. V8 keeps a hash of its flags in every
 * code cache and refuses one made under other flags, so the launcher
 * (src/bin.cts), told by the mark set here, writes no code cache for the run.
 * Only the shell (src/cli.ts) calls this.
 */
export function leanHeap(): void {
  if (!NODE_MAJORS.includes(Number(process.versions.node.split(".")[0]))) return;
  setFlagsFromString("--optimize-for-size");
  setFlagsFromString("--semi-space-growth-factor=1");
  Reflect.set(globalThis, Symbol.for("sparkport.v8FlagsChanged"), true);
}
