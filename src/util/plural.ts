/** `1 file`, `0 files`; `many` for words that do not just take an s (`2 mismatches`). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
