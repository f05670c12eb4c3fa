export interface ScriptSpan {
  name: string;
  from: number;
  to: number;
}

const skipSpace = (text: string, i: number): number => {
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
};

function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text.charAt(j) !== '"') j += text.charAt(j) === "\\" ? 2 : 1;
  return j + 1;
}

/** Without recursion, however deep. */
function valueEnd(text: string, i: number): number {
  if (text.charAt(i) === '"') return stringEnd(text, i);
  if (text.charAt(i) !== "{" && text.charAt(i) !== "[") {
    while (i < text.length && !/[\s,\]}]/.test(text.charAt(i))) i++;
    return i;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === '"') j = stringEnd(text, j) - 1;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return j + 1;
  }
  return text.length;
}

function members(text: string, i: number): Array<{ key: string; from: number; to: number }> {
  const found: Array<{ key: string; from: number; to: number }> = [];
  if (text.charAt(i) !== "{") return found;
  let at = skipSpace(text, i + 1);
  while (at < text.length && text.charAt(at) === '"') {
    const keyEnd = stringEnd(text, at);
    const key: unknown = JSON.parse(text.slice(at, keyEnd));
    const from = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const to = valueEnd(text, from);
    if (typeof key === "string") found.push({ key, from, to });
    at = skipSpace(text, to);
    if (text.charAt(at) === ",") at = skipSpace(text, at + 1);
  }
  return found;
}

/** `text` must already be known to be valid JSON. */
export function packageJsonScripts(text: string): ScriptSpan[] {
  const scripts = members(text, skipSpace(text, 0)).filter((m) => m.key === "scripts");
  return scripts.flatMap((s) => members(text, s.from).filter((m) => text.charAt(m.from) === '"').map((m) => ({ name: m.key, from: m.from, to: m.to })));
}
