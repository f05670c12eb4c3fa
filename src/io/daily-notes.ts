import { readFileSync } from "node:fs";
import { isRecord } from "../util/is-record.js";
import { writeFileAtomic } from "./write-file-atomic.js";

/** The day on this machine's clock, in its time zone: 2025-01-31. */
function localDay(date: Date): string {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

/**
 * Notes said at most once a day: `due(code)` is true when the note was not said today, and remembers that it is now.
 * The days are kept in FILE ({"tailscale-missing": "2025-01-31"}); one that cannot be read or written only means
 * the note is said again.
 */
export function dailyNotes(file: string, now: () => Date = () => new Date()): (code: string) => boolean {
  return (code) => {
    const today = localDay(now());
    let days: Record<string, unknown> = {};
    try {
      const read: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (isRecord(read) && !Array.isArray(read)) days = read;
    } catch {
      // Not there yet, or unreadable: said today as on a first run.
    }
    if (days[code] === today) return false;
    try {
      writeFileAtomic(file, `${JSON.stringify({ ...days, [code]: today })}\n`, { mode: 0o600 });
    } catch {
      // Said again next time: never a reason to fail the run.
    }
    return true;
  };
}
