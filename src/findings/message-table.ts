import { language, type Language } from "./language.js";
import { messages, type Code, type MessageArgs, type MessageEntry } from "./messages.js";
import { messagesKo } from "./messages-ko.js";

/** One language's code → text table. */
export type MessageTable = { readonly [C in Code]: MessageEntry<MessageArgs<C>> };

const TABLES: Readonly<Record<Language, MessageTable>> = { en: messages, ko: messagesKo };

/** The table of the language this run speaks (language.ts): every reader of a finding's text goes through it. */
export function messageTable(): MessageTable {
  return TABLES[language()];
}

export function renderMessage<C extends Code>(code: C, args: MessageArgs<C>): { message: string; fix?: string } {
  const entry: MessageEntry<MessageArgs<C>> = messageTable()[code];
  const fix = entry.fix?.(args);
  return fix === undefined ? { message: entry.message(args) } : { message: entry.message(args), fix };
}
