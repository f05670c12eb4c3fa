/** Display width of a string: columns on a terminal, escapes not counted, wide characters two. */
export type WidthOf = (text: string) => number;

// A command to copy is never broken: a shell would read two commands.
const COMMAND_LINE = /^\s*\$ /;
// Four columns or more apart is a table row: broken, its columns would no longer line up.
const isTableRow = (line: string): boolean => (line.trim().match(/ {2,}/g) ?? []).length >= 3;
// Words are split at spaces only, and a `code span` stays whole, so what is quoted can still be copied.
const WORD = /`[^`]*`\S*|\S+/g;

/**
 * Where a line's continuation starts: under the text after its last run of two spaces (a table's last column,
 * a finding's message), else two columns in. Never past half the width, where little would fit.
 */
function hangingIndent(line: string, columns: number, widthOf: WidthOf): number {
  const leading = widthOf(/^\s*/.exec(line)?.[0] ?? "");
  const fits = (column: number): boolean => column <= columns / 2;
  let column = leading + 2;
  for (const match of line.slice(leading).matchAll(/ {2,}(?=\S)/g)) {
    const at = widthOf(line.slice(0, leading + match.index + match[0].length));
    if (fits(at)) column = at;
  }
  return fits(column) ? column : Math.min(leading, Math.floor(columns / 2));
}

function wrapLine(line: string, columns: number, widthOf: WidthOf): string {
  if (widthOf(line) <= columns || COMMAND_LINE.test(line) || isTableRow(line)) return line;
  const indent = hangingIndent(line, columns, widthOf);
  const lines: string[] = [];
  let current = "";
  let lastEnd = 0;
  for (const match of line.matchAll(WORD)) {
    const gap = line.slice(lastEnd, match.index);
    lastEnd = match.index + match[0].length;
    const candidate = current + gap + match[0];
    if (current.trim() === "" || widthOf(candidate) <= columns) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = " ".repeat(indent) + match[0];
  }
  lines.push(current);
  return lines.join("\n");
}

/** Text fitted to a terminal `columns` wide: long lines broken at spaces, each continuation hanging under its text. */
export function wrapLines(text: string, columns: number, widthOf: WidthOf): string {
  return text
    .split("\n")
    .map((line) => wrapLine(line, columns, widthOf))
    .join("\n");
}
