/** One sample line of the Prometheus text format: `name{label="value",...} value [timestamp]`. */
export interface TextSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const UNESCAPE: Readonly<Record<string, string>> = { n: "\n", "\\": "\\", '"': '"' };

/** The labels inside the braces, their values unescaped; undefined when they do not parse. */
function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const label = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    label.lastIndex = at;
    const m = label.exec(text);
    if (m === null) return text.slice(at).trim() === "" ? labels : undefined;
    labels[m[1] ?? ""] = (m[2] ?? "").replace(/\\(.)/g, (all, c: string) => UNESCAPE[c] ?? all);
    at = label.lastIndex;
  }
  return labels;
}

/** The samples of a /metrics page; comments, and lines that are no sample, are passed over. */
export function parsePrometheusText(text: string): TextSample[] {
  const samples: TextSample[] = [];
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/.exec(line);
    if (m === null) continue;
    const labels = parseLabels(m[2] ?? "");
    const value = Number(m[3]);
    if (labels === undefined || (Number.isNaN(value) && m[3] !== "NaN")) continue;
    samples.push({ name: m[1] ?? "", labels, value });
  }
  return samples;
}
