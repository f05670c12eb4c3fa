import { COLLECTION_STYLE, constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, load, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from "js-yaml";
import { textPosition, type TextPosition } from "../util/text-position.js";
import { scalarPosition, type PositionChildren, type PositionNode } from "./cached-source-map.js";

export interface FastParse {
  values: unknown;
  /** The tree yaml-source.ts's positionTree would give, for CachedSourceMap. */
  positions: PositionNode;
}

const NUMBER_START = new Set([..."0123456789+-."]);

/** Thrown inside the walk for anything this path does not place exactly as yaml would. */
class NotFast extends Error {}

/**
 * The registry's values and every value's position from js-yaml's event stream, many times faster than yaml's
 * document (which keeps comments and ranges for editing). Undefined for anything it does not read exactly as yaml's
 * core schema would (an alias, an anchor or tag on a collection, a second document, an empty item, any error): the
 * caller then parses with yaml, which words and locates every problem.
 */
export function fastParse(text: string): FastParse | undefined {
  // Declined at sight: a lone CR (a line break to js-yaml, not to yaml nor textPosition); a directive or a document end
  // marker `...` (yaml reads on, or a second document); an explicit key `? ` (placed otherwise by yaml); a line of blanks
  // holding a tab (blank to js-yaml, bad indentation to yaml). A `?` in a comment is only slower.
  if (/\r(?!\n)|^\uFEFF?(?:%|\.\.\.(?:[ \t\r\n#]|$))|(?:^|[ \t{,[\uFEFF])\?(?:[ \t\r\n]|$)|^[ \t]*\t[ \t]*\r?$/m.test(text)) return undefined;
  // A last line of spaces with no line break after it (a kept block scalar counts it otherwise); an anchor ending in `:`.
  if (/\n[ \t]+$/.test(text) || /(?:^|[\s[{,])&\S*:(?:\s|$)/.test(text)) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, {});
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (documents.length !== 1 || documents[0] === null || documents[0] === undefined) return undefined;
  const walk = new EventWalk(text, events);
  try {
    return { values: documents[0], positions: walk.document() };
  } catch (error) {
    if (error instanceof NotFast) return undefined;
    throw error;
  }
}

class EventWalk {
  private next = 0;
  /** Where the value being read may start: past its key (0 for an item). */
  private floor = 0;
  private readonly position: TextPosition;
  /** Plain keys resolved by the core schema (`8002`, `true`), as the data's string keys: few distinct ones. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
  ) {
    this.position = textPosition(text);
  }

  document(): PositionNode {
    const document = this.take();
    // `%YAML 1.1` turns yaml to YAML 1.1's schema (010 is 8, yes is true); js-yaml keeps the core schema.
    if (document.type !== EVENT_ID.DOCUMENT || document.directives.length > 0) throw new NotFast();
    // A registry is a mapping; anything else is yaml's to word (a BOM before `- a` is an error to it).
    if (this.events[this.next]?.type !== EVENT_ID.MAPPING) throw new NotFast();
    return this.node();
  }

  private take(): Event {
    const event = this.events[this.next++];
    if (event === undefined) throw new NotFast();
    return event;
  }

  private node(): PositionNode {
    const event = this.take();
    if (event.type === EVENT_ID.SCALAR) {
      if (event.valueStart < 0) throw new NotFast();
      const { line, column } = this.position(this.scalarStart(this.checked(event)));
      return scalarPosition(line, column);
    }
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) throw new NotFast();
    // yaml starts a collection's range after its anchor or tag; js-yaml may not: left to yaml.
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw new NotFast();
    const flow = event.style === COLLECTION_STYLE.FLOW;
    // A flow pair inside a sequence (`[a: 1]`) is a mapping yaml places otherwise.
    if (flow && this.text[event.start] !== (event.type === EVENT_ID.MAPPING ? "{" : "[")) throw new NotFast();
    const { line, column } = this.position(event.start);
    const children: PositionChildren = event.type === EVENT_ID.MAPPING ? this.pairs(scalarPosition(line, column), flow) : this.items();
    return [line, column, children];
  }

  /** `self`: the mapping's own position, where yaml places the value of a flow entry written with no colon (`{dev, test}`). */
  private pairs(self: PositionNode, flow: boolean): PositionChildren {
    const byKey: Record<string, PositionNode> = Object.create(null) as Record<string, PositionNode>;
    for (let key = this.take(); key.type !== EVENT_ID.POP; key = this.take()) {
      if (key.type !== EVENT_ID.SCALAR || key.valueStart < 0 || key.anchorStart >= 0) throw new NotFast();
      const start = this.scalarStart(this.checked(key));
      // yaml refuses an implicit key whose `:` is more than 1024 characters from its start.
      if (!flow) {
        let colon = key.style === SCALAR_STYLE.PLAIN ? key.valueEnd : key.valueEnd + 1;
        while (this.text[colon] === " " || this.text[colon] === "\t") colon += 1;
        if (colon - start > 1000) throw new NotFast();
      }
      const name = this.keyName(key);
      const value = this.events[this.next];
      let child: PositionNode;
      if (value?.type === EVENT_ID.SCALAR && value.valueStart < 0) {
        if (value.tagStart >= 0 || value.anchorStart >= 0) throw new NotFast();
        this.next += 1;
        if (flow && !this.colonAfter(key)) child = self;
        else {
          // `test:` with no value is located by its key, as DocumentSourceMap.at does.
          const { line, column } = this.position(start);
          child = scalarPosition(line, column);
        }
      } else {
        // A block scalar's indicator is looked for after the key, which may hold `|#` itself.
        this.floor = key.style === SCALAR_STYLE.PLAIN ? key.valueEnd : key.valueEnd + 1;
        child = this.node();
      }
      if (!Object.hasOwn(byKey, name)) byKey[name] = child;
    }
    return byKey;
  }

  /** Whether a `:` follows the key, past its closing quote, blanks, line breaks and comments. */
  private colonAfter(key: ScalarEvent): boolean {
    let at = key.style === SCALAR_STYLE.PLAIN ? key.valueEnd : key.valueEnd + 1;
    for (;;) {
      const c = this.text[at];
      if (c === " " || c === "\t" || c === "\r" || c === "\n") at += 1;
      else if (c === "#") {
        const end = this.text.indexOf("\n", at);
        if (end < 0) return false;
        at = end;
      } else return c === ":";
    }
  }

  /** A scalar both readers take the same way, else NotFast: no tag, no anchor before a block scalar, no escape or number past what yaml takes. */
  private checked(event: ScalarEvent): ScalarEvent {
    // yaml resolves tags its own way (`!!float 8080` stays a string to it, with a warning).
    if (event.tagStart >= 0) throw new NotFast();
    if (event.anchorStart >= 0 && (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK)) throw new NotFast();
    // \U past Unicode, and an escaped line break before a blank line, are read otherwise by each.
    if (event.style === SCALAR_STYLE.DOUBLE_QUOTED && /\\(?:U|\r?\n)/.test(this.text.slice(event.valueStart, event.valueEnd))) throw new NotFast();
    if (event.style === SCALAR_STYLE.PLAIN && event.valueEnd - event.valueStart > 3 && NUMBER_START.has(this.text[event.valueStart] ?? "")) {
      // 1e400 and a 256-digit hex number: Infinity to yaml, a string to js-yaml.
      const raw = this.text.slice(event.valueStart, event.valueEnd);
      if (/^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/.test(raw) && !Number.isFinite(Number(raw))) throw new NotFast();
      if (/^[-+]?0[xo]/.test(raw) && raw.length > 15) throw new NotFast();
    }
    return event;
  }

  private items(): PositionChildren {
    const items: PositionNode[] = [];
    while (this.events[this.next]?.type !== EVENT_ID.POP) items.push(this.node());
    this.take();
    return items;
  }

  private keyName(key: ScalarEvent): string {
    const raw = getScalarValue(this.text, key);
    if (key.style !== SCALAR_STYLE.PLAIN) return raw;
    let name = this.keys.get(raw);
    if (name === undefined) {
      let value: unknown;
      try {
        value = load(raw, { schema: CORE_SCHEMA });
      } catch {
        throw new NotFast();
      }
      // A null key is "" to yaml and "null" to js-yaml; a collection cannot be a plain key; a string key is itself
      // (`--- y` or a byte order mark would read as another).
      if (typeof value === "object" || value === undefined || (typeof value === "string" && value !== raw)) throw new NotFast();
      name = String(value);
      this.keys.set(raw, name);
    }
    return name;
  }

  /** Where yaml's range starts: at a quote, and at a block scalar's `|` or `>` rather than its first line. */
  private scalarStart(event: ScalarEvent): number {
    switch (event.style) {
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return event.valueStart - 1;
      case SCALAR_STYLE.LITERAL_BLOCK:
      case SCALAR_STYLE.FOLDED_BLOCK: {
        // The header line: the last line before the content with more than blanks on it.
        let end = event.valueStart;
        while (end > 0 && /[ \t\r\n]/.test(this.text[end - 1] ?? "")) end -= 1;
        const from = Math.max(this.text.lastIndexOf("\n", end - 1) + 1, this.floor);
        // Its indicator is the leftmost followed by nothing but its chomping mark and a comment. A long line is declined
        // (the search is quadratic in it); an indentation digit too (yaml reads blank-only content by it otherwise).
        if (end - from > 200) throw new NotFast();
        const header = /[|>]([+-]?)[ \t]*(?:#.*)?$/.exec(this.text.slice(from, end));
        if (header === null) throw new NotFast();
        return from + header.index;
      }
      default:
        return event.valueStart;
    }
  }
}
