import type { Argument, HelpConfiguration, Option } from "commander";
import { stripVTControlCharacters } from "node:util";
import type { WidthOf } from "../render/wrap-lines.js";
import { commanderWords } from "../words/commander-words.js";

/** `description (choices: "text", "json", default: "text")`, as commander writes it, in the run's language. */
function described(item: Option | Argument, showDefault: boolean): string {
  const w = commanderWords();
  const extra = [
    ...(item.argChoices === undefined ? [] : [w.choices(item.argChoices.map((c) => JSON.stringify(c)).join(", "))]),
    ...(item.defaultValue === undefined || !showDefault ? [] : [w.default(item.defaultValueDescription ?? JSON.stringify(item.defaultValue))]),
  ];
  if (extra.length === 0) return item.description;
  return item.description === "" ? `(${extra.join(", ")})` : `${item.description} (${extra.join(", ")})`;
}

/**
 * commander's help in the run's language: its titles and its notes on choices and defaults (sparkport declares no
 * preset or environment-variable options, the other notes commander knows), and lines measured by `widthOf`, so
 * Korean text wraps where the terminal does.
 */
export function localizedHelp(widthOf: WidthOf): HelpConfiguration {
  const { titles } = commanderWords();
  const title: Readonly<Record<string, string>> = {
    "Usage:": titles.usage,
    "Arguments:": titles.arguments,
    "Options:": titles.options,
    "Global Options:": titles.globalOptions,
    "Commands:": titles.commands,
  };
  return {
    showGlobalOptions: true,
    styleTitle: (text) => title[text] ?? text,
    // As commander: an option's default is shown when it takes a value, or is a boolean option's own.
    optionDescription: (option) => described(option, option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean")),
    argumentDescription: (argument) => described(argument, true),
    displayWidth: (text) => widthOf(stripVTControlCharacters(text)),
  };
}
