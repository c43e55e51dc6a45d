/**
 * Step names in code-unit order: the tie-break of the rankings (flakiness, attention). Not
 * localeCompare: its first call builds ICU's collator, 8-15 ms of a cold process (the owner's post
 * ranks the dashboard's attention list), and its order would hang on the runner's ICU and locale.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
