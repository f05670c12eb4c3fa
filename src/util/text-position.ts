/** 1-based; a byte order mark does not count as a column. */
export type TextPosition = (offset: number) => { line: number; column: number };

export function textPosition(text: string): TextPosition {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  // Offsets mostly come in order (a walk of a document): the last line found, or the next, before a binary search.
  let last = 0;
  return (offset) => {
    let low = 0;
    const next = starts[last + 1] ?? Infinity;
    if (offset >= (starts[last] ?? 0) && offset < next) low = last;
    else if (offset >= next && offset < (starts[last + 2] ?? Infinity)) low = last + 1;
    else {
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) low = mid;
        else high = mid - 1;
      }
    }
    last = low;
    const start = starts[low] ?? 0;
    return { line: low + 1, column: offset - start + 1 - (low === 0 && offset > 0 ? bom : 0) };
  };
}
