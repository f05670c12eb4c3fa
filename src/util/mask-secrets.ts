/** What a masked secret reads as. */
export const MASK = "***";

const SECRET_WORDS = new Set(["password", "passwd", "pwd", "pass", "passphrase", "requirepass", "secret", "secrets", "token", "tokens", "apikey", "credentials"]);
/** `PASSWORD_FILE`, `TOKEN_URL`, `SECRET_PORT`: where a secret is, not the secret. */
const PLACE_WORDS = new Set(["url", "uri", "endpoint", "host", "hostname", "port", "addr", "address", "file", "path", "dir", "service", "server"]);

/** `PASSWORD`, `SECRET`, `TOKEN` and `*_KEY`, in any case and in snake, kebab or camelCase: `db_password`, `apiKey`. */
export function isSecretKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_.-]+/).filter((w) => w !== "");
  const last = words.at(-1);
  if (last === undefined || PLACE_WORDS.has(last)) return false;
  return words.some((w) => SECRET_WORDS.has(w)) || (last === "key" && words.length > 1);
}

const KEY = String.raw`[A-Za-z_][\w.-]*`;
/** The password of `scheme://user:password@host`: up to the last `@` before the path. */
const URL_PASSWORD = /([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/?#@"'`<>]*:)[^\s/?#"'`<>]*@/g;
/** `KEY=value` or `key: value` opening a line (env, shell, YAML, a compose list item): the value runs to the line's end. */
const LEADING = new RegExp(String.raw`^([ \t]*(?:-[ \t]+)?(?:export[ \t]+)?)(["']?)(${KEY})\2([ \t]*(?:=|:(?=[ \t]))[ \t]*)(.*?)((?:[ \t]+#.*)?)$`);
/** A quoted value anywhere: `"apiKey": "…"`, `password='…'`, `{ token: "…" }`. */
const QUOTED = new RegExp(String.raw`(?<![\w.-])(["']?)(${KEY})\1([ \t]*[:=][ \t]*)(["'\`])((?:\\.|(?!\4)[^\\])*)\4`, "g");
/** A bare value: `DB_PASSWORD=x node app.js`, `--token=x`, `--requirepass x`, `{password: x}`. */
const BARE = new RegExp(String.raw`(?<![\w.])(-{0,2})(${KEY})(?:(=|[ \t]+)([^\s"'\`]+)|(:[ \t]+)([^\s"'\`,}\]]+))`, "g");
/** A quoted value and what follows it: `"abc",`. */
const QUOTED_VALUE = /^(["'`])(?:\\.|(?!\1)[^\\])*\1(.*)$/;

function maskQuoted(value: string): string {
  const match = QUOTED_VALUE.exec(value);
  // An unclosed quote hides nothing: all of it goes.
  return match === null ? MASK : `${match[1] ?? ""}${MASK}${match[1] ?? ""}${match[2] ?? ""}`;
}

function maskLine(line: string): string {
  const text = line.replace(URL_PASSWORD, `$1${MASK}@`);
  const leading = LEADING.exec(text);
  if (leading !== null && isSecretKey(leading[3] ?? "") && (leading[5] ?? "") !== "") {
    const [, indent = "", quote = "", key = "", between = "", value = "", comment = ""] = leading;
    // A YAML block scalar's text is on the lines below, where no key names it.
    return /^[|>][-+0-9]*$/.test(value) ? text : `${indent}${quote}${key}${quote}${between}${maskQuoted(value)}${comment}`;
  }
  return maskBare(text.replace(QUOTED, (all: string, q: string, key: string, between: string, quote: string) => (isSecretKey(key) ? `${q}${key}${q}${between}${quote}${MASK}${quote}` : all)));
}

/** A key that names no secret gives up only its own name, so `dev=DB_PASSWORD=x` still reaches DB_PASSWORD. */
function maskBare(text: string): string {
  let out = "";
  let from = 0;
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m !== null; m = BARE.exec(text)) {
    const [all, dashes = "", key = "", equals, , colon] = m;
    // `--requirepass x` is a flag and its value; `PASSWORD x` is prose.
    if (!isSecretKey(key) || (equals !== undefined && equals !== "=" && dashes === "")) {
      BARE.lastIndex = m.index + dashes.length + key.length;
      continue;
    }
    out += `${text.slice(from, m.index)}${dashes}${key}${equals ?? colon ?? ""}${MASK}`;
    from = m.index + all.length;
  }
  return out + text.slice(from);
}

/**
 * The text with each URL's password and each value of a secret-looking key replaced by `***`, line by line:
 * every place a scanned file's text reaches the user goes through here.
 */
export function maskSecrets(text: string): string {
  return text.split("\n").map(maskLine).join("\n");
}

/** The value of `key` as the user may see it: all masked when the key names a secret. */
export function maskValue(key: string | undefined, value: string): string {
  return key !== undefined && isSecretKey(key) ? MASK : maskSecrets(value);
}
