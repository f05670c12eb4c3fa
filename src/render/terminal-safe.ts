import type { Paint, Style } from "./paint.js";

// Labels, notes, file lines and process names come from others: an escape sequence in them must not clear the
// screen, plant a link or hide what follows (SGR 8, conceal), and a bidi override must not reorder text. Every
// control character but newline and tab is made visible. Sparkport's own colours travel as a token no input can
// know, and only they become real escapes; without colour (a pipe, NO_COLOR) there are none at all.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const OWN_ESCAPE = `\uE000${Math.random().toString(36).slice(2)}\uE001`;

const visible = (text: string): string => text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** What reaches the terminal: every escape made visible, except those ownEscapes marked. */
export function terminalSafe(text: string): string {
  return text.split(OWN_ESCAPE).map(visible).join("\u001b");
}

/** A colour paint whose escapes outlive terminalSafe; the text it wraps is made safe first, so nesting still works. */
export function ownEscapes(paint: Paint): Paint {
  const mark =
    (style: (text: string) => string) =>
    (text: string): string =>
      style(terminalSafe(text)).replaceAll("\u001b", OWN_ESCAPE);
  const styleOf = (style: Style): Style => Object.assign(mark(style), { bold: mark(style.bold) });
  return { red: styleOf(paint.red), yellow: styleOf(paint.yellow), blue: styleOf(paint.blue), green: styleOf(paint.green), dim: styleOf(paint.dim), bold: styleOf(paint.bold) };
}
