import { widthFor } from "./display-width.js";

/** A note written over several lines must not break the table's rows. */
const oneLine = (cell: string): string => cell.replace(/\s*\r?\n\s*/g, " ⏎ ");

/** Columns line up by display width (a Korean syllable takes two columns). The last column is not padded. */
export async function textTable(header: readonly string[], cells: readonly (readonly string[])[]): Promise<string[]> {
  const rows = cells.map((row) => row.map(oneLine));
  const widthOf = await widthFor([...header, ...rows.flat()]);
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i] ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(Math.max(0, (widths[i] ?? 0) - widthOf(c)))))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
