// Read as CSV: the memory column holds a comma or space inside its quotes ("5,276 kB", "84 496 K"). The header (any
// language) and the localised "INFO: No tasks" notice fail the numeric PID test.
export function parseTasklist(text: string): Map<number, string> {
  const images = new Map<number, string>();
  for (const line of text.split(/\r?\n/)) {
    const fields = parseCsvLine(line.trim());
    const image = fields?.[0];
    const pid = fields?.[1];
    if (image === undefined || pid === undefined || image === "" || !/^\d+$/.test(pid)) continue;
    images.set(Number(pid), image);
  }
  return images;
}

function parseCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let index = 0;
  while (index <= line.length) {
    if (line[index] === '"') {
      let value = "";
      index += 1;
      for (;;) {
        if (index >= line.length) return undefined;
        const char = line[index];
        if (char === '"' && line[index + 1] === '"') {
          value += '"';
          index += 2;
        } else if (char === '"') {
          index += 1;
          break;
        } else {
          value += char;
          index += 1;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(",", index);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(index, end));
      index = end;
    }
    if (index < line.length && line[index] !== ",") return undefined;
    index += 1;
  }
  return fields;
}
