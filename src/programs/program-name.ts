const PYTHON = /^(?:python(?:\d+(?:\.\d+)*)?w?|py|pypy\d*)$/;

/**
 * The program a word runs, lower case: `./node_modules/.bin/next` → next, `C:\x\vite.cmd` → vite, `next@14` → next,
 * and every Python interpreter (`python3.12`, `pythonw`, `py`, `pypy3`) → python.
 */
export function programName(word: string): string {
  // A trailing separator names the same thing (`vite/`); a word that is all separators names nothing ("").
  const trimmed = word.replace(/[\\/]+$/, "");
  const base = (trimmed.split(/[\\/]/).at(-1) ?? trimmed).toLowerCase().replace(/(.)@.*$/, "$1").replace(/\.(?:c?js|mjs|cmd|exe|bat|ps1)$/, "");
  return PYTHON.test(base) ? "python" : base;
}
