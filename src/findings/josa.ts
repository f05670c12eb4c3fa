// A Korean particle (조사) follows the sound a word ends on: 포트를, 노드를, 8000을. Names, ports and codes reach the
// Korean texts as they are, so the particle is chosen for each at run time.

/** Each pair: the form after a final consonant (받침), then the form after a vowel. */
export type JosaPair = "은/는" | "이/가" | "을/를" | "과/와" | "으로/로" | "이어야/여야";

type Ending = "consonant" | "rieul" | "vowel" | "unknown";

// How the digits read (영 일 이 삼 사 오 육 칠 팔 구); a number ending in 0 reads 십, 백, 천 or 만: a consonant.
const DIGIT: readonly Ending[] = ["consonant", "rieul", "vowel", "consonant", "vowel", "vowel", "consonant", "rieul", "rieul", "vowel"];

// Letters as read alone (엘, 엠, 엔, 알): an acronym such as API or one team letter.
const LETTER_NAME: Readonly<Record<string, Ending>> = { l: "rieul", m: "consonant", n: "consonant", r: "rieul" };

function endingOf(word: string): Ending {
  const bare = withoutParenthesis(word.trimEnd()).replace(/[^\p{L}\p{N}]+$/u, "");
  const last = bare.at(-1);
  if (last === undefined) return "unknown";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? "vowel" : final === 8 ? "rieul" : "consonant";
  }
  if (/\d/.test(last)) return last === "0" && /[1-9]0+$/.test(bare) ? "consonant" : (DIGIT[Number(last)] ?? "unknown");
  if (!/[A-Za-z]/.test(last)) return "unknown";
  const letters = /[A-Za-z]+$/.exec(bare)?.[0] ?? last;
  if (letters.length === 1 || (letters === letters.toUpperCase() && letters.length <= 5)) return LETTER_NAME[last.toLowerCase()] ?? "vowel";
  return englishEnding(letters.toLowerCase());
}

/** Parentheses at the end are skipped with what they enclose, as Korean writing does: FastAPI (dev)를, 8001 (FastAPI (test))을. */
function withoutParenthesis(word: string): string {
  let depth = 0;
  for (let i = word.length - 1; i > 0 && word.endsWith(")"); i--) {
    if (word[i] === ")") depth++;
    else if (word[i] === "(" && --depth === 0) return withoutParenthesis(word.slice(0, i).trimEnd());
  }
  return word;
}

/** As loanwords are written in Hangul: mail 메일, file 파일, main 메인, staging 스테이징, desktop 데스크톱, web 웹; node 노드, host 호스트. */
function englishEnding(word: string): Ending {
  if (/le?$/.test(word)) return "rieul";
  // A silent e after n or m: one 원, line 라인, home 홈.
  if (/[aeiou][nm]e$/.test(word)) return "consonant";
  if (/(m|n|ng|ck)$/.test(word)) return "consonant";
  if (/[^aeiou][aeiou][bkpt]$/.test(word) || /^[aeiou]?[bkpt]$/.test(word) || /[^aeiou]ac$/.test(word)) return "consonant";
  return "vowel";
}

/** The particle alone, for a word written in quotes or code: `"5432:5432"로`. Both forms, `을(를)`, when the sound is unknown. */
export function particle(word: string, pair: JosaPair): string {
  const [afterConsonant = "", afterVowel = ""] = pair.split("/");
  const ending = endingOf(word);
  if (ending === "unknown") return `${afterConsonant}(${afterVowel})`;
  // 로 also follows ㄹ: 서울로, 7로.
  if (pair === "으로/로" && ending === "rieul") return afterVowel;
  return ending === "vowel" ? afterVowel : afterConsonant;
}

/** The word and its particle: josa("FastAPI", "을/를") is "FastAPI를". */
export function josa(word: string, pair: JosaPair): string {
  return `${word}${particle(word, pair)}`;
}
