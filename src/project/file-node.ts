import picomatch from "picomatch";

/** The node of a file (relative posix path) by `scan.nodes`: the first glob that matches it, picomatch syntax. */
export function fileNodeMatcher(nodes: Readonly<Record<string, string>> | undefined): (file: string) => string | undefined {
  const mappings = Object.entries(nodes ?? {}).map(([glob, node]) => ({ matches: picomatch(glob, { dot: true }), node }));
  return (file) => mappings.find((m) => m.matches(file))?.node;
}
