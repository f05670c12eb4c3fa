const PYTHON = /^(?:python(?:\d+(?:\.\d+)*)?w?|py|pypy\d*)$/;

/** Lower case, path and `.cmd`/`@version` dropped; every Python interpreter (`python3.12`, `pythonw`, `py`, `pypy3`) → python. */
export function programName(word: string): string {
  // A trailing separator names the same thing (`vite/`); a word of separators only names nothing.
  const trimmed = word.replace(/[\\/]+$/, "");
  const base = (trimmed.split(/[\\/]/).at(-1) ?? trimmed).toLowerCase().replace(/(.)@.*$/, "$1").replace(/\.(?:c?js|mjs|cmd|exe|bat|ps1)$/, "");
  return PYTHON.test(base) ? "python" : base;
}
