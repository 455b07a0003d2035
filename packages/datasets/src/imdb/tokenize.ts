/** HTML line breaks as IMDB reviews write them ('<br />', '<br/>', '<br>'). */
const LINE_BREAK = /<br\s*\/?>/gi;
/** Curly apostrophes, so "don’t" and "don't" are the same token. */
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc]/g;
/**
 * A word: letters or digits (any script), possibly joined by inner apostrophes ("don't",
 * "o'clock"). Apostrophes at a word's edges ('quoted', students') are dropped with the rest of
 * the punctuation.
 */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/**
 * Splits text into lower-case words: HTML line breaks become spaces, punctuation is dropped,
 * apostrophes inside a word keep it whole ("Don't!" -> ["don't"]).
 */
export function tokenize(text: string): string[] {
  const cleaned = text.replace(LINE_BREAK, ' ').replace(CURLY_APOSTROPHE, "'").toLowerCase();
  return cleaned.match(WORD) ?? [];
}
