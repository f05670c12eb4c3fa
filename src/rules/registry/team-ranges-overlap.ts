import type { PathSegment } from "../../registry/source-map.js";
import { defineRule } from "../define-rule.js";

interface Span {
  team: string;
  name: string;
  from: number;
  to: number;
  path: PathSegment[];
}

/** Sorted sweep: overlaps are found without comparing every pair of ranges. */
export const teamRangesOverlap = defineRule({
  name: "team-ranges-overlap",
  codes: { "team-ranges-overlap": "error" },
  exceptable: ["team-ranges-overlap"],
  check({ model, report }) {
    const spans: Span[] = Object.entries(model.data.teams).flatMap(([team, t]) =>
      // Index before skipping inverted ranges, so the path names the range in the file.
      t.ranges.flatMap((r, i) => (r.from <= r.to ? [{ team, name: r.name, from: r.from, to: r.to, path: ["teams", team, "ranges", i] }] : [])),
    );
    spans.sort((a, b) => a.from - b.from || a.to - b.to);
    const open: Span[] = [];
    for (const span of spans) {
      for (let i = open.length - 1; i >= 0; i -= 1) {
        if ((open[i]?.to ?? 0) < span.from) open.splice(i, 1);
      }
      for (const earlier of open) {
        if (earlier.team === span.team) continue;
        report(
          "team-ranges-overlap",
          {
            first: `${span.team}.${span.name} (${span.from}-${span.to})`,
            second: `${earlier.team}.${earlier.name} (${earlier.from}-${earlier.to})`,
            from: span.from,
            to: Math.min(span.to, earlier.to),
          },
          { path: span.path, subjects: [span.path, earlier.path], related: [earlier.path] },
        );
      }
      open.push(span);
    }
  },
});
