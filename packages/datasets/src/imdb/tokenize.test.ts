import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('lower-cases, drops punctuation and keeps inner apostrophes', () => {
    expect(tokenize("Don't watch it!! It's BAD, really bad...")).toEqual(["don't", 'watch', 'it', "it's", 'bad', 'really', 'bad']);
  });
  it("turns IMDB's <br /> tags into spaces", () => {
    expect(tokenize('The end.<br /><br />Great film<br/>really<BR>good')).toEqual(['the', 'end', 'great', 'film', 'really', 'good']);
  });
  it('keeps digits and accented letters, drops edge apostrophes and treats curly ones as straight', () => {
    expect(tokenize("10/10 — a 'classic', the actors' best; café don’t")).toEqual(['10', '10', 'a', 'classic', 'the', 'actors', 'best', 'café', "don't"]);
  });
  it('splits hyphenated words and gives nothing for text without words', () => {
    expect(tokenize('well-made')).toEqual(['well', 'made']);
    expect(tokenize(' ...!? ')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });
});
