// Labels, notes and command lines come from files and other processes: an escape sequence in a label must not clear the
// screen or plant a link, and a bidi override must not reorder text. Newline, tab and SGR colour codes pass.
export function terminalSafe(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (match) =>
    match.length > 1 ? match : `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
