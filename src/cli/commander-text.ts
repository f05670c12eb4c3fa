import { commanderWords } from "../words/commander-words.js";

type Words = ReturnType<typeof commanderWords>;

// commander's messages by their fixed form (commander/lib/command.js), read back into the values they name.
const FORMS: readonly (readonly [RegExp, (w: Words, ...values: string[]) => string])[] = [
  [/^error: unknown option '(.*)'$/s, (w, flag = "") => w.unknownOption(flag)],
  [/^error: unknown command '(.*)'$/s, (w, name = "") => w.unknownCommand(name)],
  [/^error: missing required argument '(.*)'$/s, (w, name = "") => w.missingArgument(name)],
  [/^error: option '(.*)' argument missing$/s, (w, flags = "") => w.optionMissingArgument(flags)],
  [/^error: required option '(.*)' not specified$/s, (w, flags = "") => w.missingMandatoryOption(flags)],
  [
    /^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/s,
    (w, command = "", expected = "", received = "", given = "") => w.tooManyArguments(command, Number(expected), Number(received), given),
  ],
  [/^error: option '(.*)' argument '(.*)' is invalid\.$/s, (w, flags = "", value = "") => w.invalidOptionValue(flags, value)],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\.$/s, (w, value = "", name = "") => w.invalidArgumentValue(value, name)],
];

const SUGGESTION = /\n\(Did you mean (one of )?(.*)\?\)$/s;
const CHOICES = / Allowed choices are (.*)\.$/s;

/** One of commander's error messages in the run's language; a form not known here stays commander's own. */
export function commanderText(text: string, w: Words = commanderWords()): string {
  const end = text.endsWith("\n") ? "\n" : "";
  let head = text.slice(0, text.length - end.length);
  let tail = "";
  const suggestion = SUGGESTION.exec(head);
  if (suggestion !== null) {
    head = head.slice(0, suggestion.index);
    const [, oneOf, names = ""] = suggestion;
    tail = `\n${oneOf === undefined ? w.didYouMean(names) : w.didYouMeanOneOf(names)}`;
  }
  const choices = CHOICES.exec(head);
  if (choices !== null) {
    head = head.slice(0, choices.index);
    tail = ` ${w.allowedChoices(choices[1] ?? "")}${tail}`;
  }
  for (const [form, render] of FORMS) {
    const match = form.exec(head);
    if (match !== null) return `${render(w, ...match.slice(1).map((v) => v ?? ""))}${tail}${end}`;
  }
  return text;
}
