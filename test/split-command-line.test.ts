import { describe, expect, it } from "vitest";
import { plainMapped } from "../src/command-line/mapped-text.js";
import { joinCommandLine, quoteArg } from "../src/command-line/quote-command-line.js";
import { splitCommandLine, splitCommandWords, type CommandWord, type SplitOptions } from "../src/command-line/split-command-line.js";

/** Each word as `text@offsets` (the file offset of each of its characters), `"` marking a quoted one. */
function words(text: string, options: SplitOptions = {}, base = 0): string[][] {
  return splitCommandWords(plainMapped(text, base), options).map((command) => command.map(describeWord));
}

const describeWord = (w: CommandWord): string => `${w.quoted ? '"' : ""}${w.text}@${w.start.join(",")}`;

describe("splitCommandWords, POSIX", () => {
  it("maps every character of a word to where it stands, quotes and backslashes left out", () => {
    expect(words(`a 'b c' "d\\"e" f\\ g`)).toEqual([["a@0", `"b c@3,4,5`, `"d"e@9,11,12`, "f g@15,17,18"]]);
    expect(words("vite --port 5173", {}, 100)).toEqual([["vite@100,101,102,103", "--port@105,106,107,108,109,110", "5173@112,113,114,115"]]);
  });

  it("a line continuation joins the word; a backslash at the very end stays; an unterminated quote runs to the end", () => {
    expect(splitCommandLine("ne\\\nxt dev")).toEqual(["next", "dev"]);
    expect(splitCommandLine("a\\")).toEqual(["a\\"]);
    expect(splitCommandLine(`a 'b c`)).toEqual(["a", "b c"]);
  });

  it("expands nothing: `$VAR`, `$(...)`, backticks and globs stay as written", () => {
    expect(splitCommandLine("echo $HOME $(id) `id` *.ts")).toEqual(["echo", "$HOME", "$(id)", "`id`", "*.ts"]);
  });

  it("one process's arguments: operators, `#` and `>` are ordinary characters", () => {
    expect(splitCommandLine("a;b | c # d > e")).toEqual(["a;b", "|", "c", "#", "d", ">", "e"]);
    expect(words("a;b", {}).length).toBe(1);
  });

  it("a script: simple commands at operators and newlines, `#` comments, redirections end a word", () => {
    const script = words("PORT=1 next dev && vite # --port 2\nnpm start|cat>out (x)", { script: true });
    expect(script.map((command) => command.map((w) => w.replace(/@.*/, "")))).toEqual([
      ["PORT=1", "next", "dev"],
      ["vite"],
      ["npm", "start"],
      ["cat", "out"],
      ["x"],
    ]);
  });

  it("a quoted command inside a script is one word, still mapped, split again on its own", () => {
    const [command] = splitCommandWords(plainMapped(`sh -c "next dev -p 3000"`), { script: true });
    const quoted = command?.[2];
    expect(quoted?.quoted).toBe(true);
    const inner = splitCommandWords(quoted ?? plainMapped(""), { script: true })[0] ?? [];
    expect(inner.map(describeWord)).toEqual(["next@7,8,9,10", "dev@12,13,14", "-p@16,17", "3000@19,20,21,22"]);
  });
});

describe("splitCommandWords, Windows (CommandLineToArgvW)", () => {
  it("double quotes group; backslashes are literal except before a quote", () => {
    expect(splitCommandLine(`"C:\\Program Files\\x.exe" a\\b "c d" e\\"f "g\\\\" h""i`, "windows")).toEqual(["C:\\Program Files\\x.exe", "a\\b", "c d", 'e"f', "g\\", "hi"]);
    expect(splitCommandLine(`"a ""quoted"" word" 'single'`, "windows")).toEqual([`a "quoted" word`, "'single'"]);
    expect(splitCommandLine(`x "" y`, "windows")).toEqual(["x", "", "y"]);
  });

  it("maps characters as POSIX does, and reads no POSIX escapes", () => {
    expect(words(`"a b" c\\d`, { style: "windows" })).toEqual([[`"a b@1,2,3`, "c\\d@6,7,8"]]);
    expect(words(`\\\\"x y"`, { style: "windows" })).toEqual([[`"\\x y@1,3,4,5`]]);
  });
});

describe("quoting back is the inverse of splitting", () => {
  it("POSIX: split(join(words)) gives the words back, shell characters and empty words included", () => {
    const awkward = ["plain", "", "a b", "it's", '"q"', "$(id)", "a;b", "#x", "=x", "--%", "C:\\Program Files\\x.exe", "\u00a0nbsp", "back\\slash"];
    expect(splitCommandLine(joinCommandLine(awkward))).toEqual(awkward);
    for (const word of awkward) expect(splitCommandLine(quoteArg(word))).toEqual([word]);
  });
});
