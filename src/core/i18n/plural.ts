// Counts in words for the tool's own messages ("1 page", "3 pages"): the one place a plural is made.

/** `count` and `word`, with an -s when English wants one; `pluralWord` for irregular words. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
