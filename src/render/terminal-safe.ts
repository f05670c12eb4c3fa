/**
 * Text bound for a terminal with every control character made visible,
 * except newline, tab and colour codes (SGR, what chalk writes). Labels,
 * notes, host names and command lines come from files and other processes:
 * an escape sequence in a ports.yaml label must not clear the screen, retitle
 * the window, hide text or plant a link; a bidirectional override must not
 * reorder what the reader sees.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (match) =>
    match.length > 1 ? match : `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
