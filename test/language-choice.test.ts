import { describe, expect, it } from "vitest";
import { chooseLanguage, langArgument } from "../src/cli/choose-language.js";
import { runCli } from "./helpers/run-cli.js";

const choose = (argv: string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = "linux", system = "en-US") => chooseLanguage(argv, env, platform, () => system);

describe("the language of the output (issue 18 item 1)", () => {
  it("takes --lang first, then SPARKPORT_LANG, then gettext's order", () => {
    expect(choose(["lint", "--lang", "ko"], { SPARKPORT_LANG: "en", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(choose(["lint", "--lang=en"], { SPARKPORT_LANG: "ko" })).toBe("en");
    expect(choose(["lint"], { SPARKPORT_LANG: "ko", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(choose(["lint"], { LANGUAGE: "fr:ko:en", LANG: "fr_FR.UTF-8" })).toBe("ko");
    expect(choose(["lint"], { LC_ALL: "ko_KR.UTF-8", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(choose(["lint"], { LC_MESSAGES: "ko_KR.eucKR", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(choose(["lint"], { LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(choose(["lint"], { LANG: "de_DE.UTF-8" })).toBe("en");
  });

  it("reads C and POSIX as English, and then ignores LANGUAGE, as gettext does", () => {
    expect(choose(["lint"], { LANG: "C" })).toBe("en");
    expect(choose(["lint"], { LC_ALL: "C.UTF-8", LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(choose(["lint"], { LANGUAGE: "ko", LC_ALL: "POSIX" })).toBe("en");
  });

  it("asks the system's locale on Windows only, when no variable says", () => {
    expect(choose(["lint"], {}, "win32", "ko-KR")).toBe("ko");
    expect(choose(["lint"], {}, "linux", "ko-KR")).toBe("en");
    expect(choose(["lint"], { LANG: "en_US" }, "win32", "ko-KR")).toBe("en");
  });

  it("reads --lang only before a lone --", () => {
    expect(langArgument(["run", "web", "--", "next", "--lang", "ko"])).toBeUndefined();
    expect(langArgument(["--lang", "ko", "list"])).toBe("ko");
  });

  it("refuses a language it does not speak: one line, exit 2", async () => {
    for (const [args, env, source] of [
      [["list", "--lang", "fr"], {}, "--lang"],
      [["list"], { SPARKPORT_LANG: "xx" }, "SPARKPORT_LANG"],
    ] as const) {
      const run = await runCli([...args], { env });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^sparkport: ${source} "\\w+" is not a language sparkport speaks\\. Known: en, ko\\.\\n$`));
    }
  });
});
