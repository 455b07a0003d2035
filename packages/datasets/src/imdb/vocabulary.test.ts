import { isCnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary';

// Counts: the 4, a 3, cat 2, dog 2, bird 1, zebra 1.
const DOCUMENTS = [
  ['the', 'cat', 'a', 'dog'],
  ['the', 'dog', 'a', 'zebra'],
  ['the', 'cat', 'the', 'a', 'bird'],
];

describe('Vocabulary', () => {
  it('orders by frequency, ties alphabetically, after <pad> and <unk>', () => {
    const vocab = Vocabulary.build(DOCUMENTS);
    expect(vocab.toJSON().tokens).toEqual(['<pad>', '<unk>', 'the', 'a', 'cat', 'dog', 'bird', 'zebra']);
    expect(vocab.size).toBe(8);
    expect(vocab.padId).toBe(0);
    expect(vocab.unkId).toBe(1);
    expect(vocab.id('cat')).toBe(4);
    expect(vocab.id('unseen')).toBe(1);
    expect(vocab.token(5)).toBe('dog');
    expect([...vocab.encode(['the', 'zebra', 'horse', 'a'])]).toEqual([2, 7, 1, 3]);
  });

  it('drops tokens below minFrequency', () => {
    expect(Vocabulary.build(DOCUMENTS, { minFrequency: 2 }).toJSON().tokens).toEqual(['<pad>', '<unk>', 'the', 'a', 'cat', 'dog']);
    expect(Vocabulary.build(DOCUMENTS, { minFrequency: 4 }).toJSON().tokens).toEqual(['<pad>', '<unk>', 'the']);
  });

  it('caps the size, the two specials included', () => {
    const vocab = Vocabulary.build(DOCUMENTS, { maxSize: 5 });
    expect(vocab.toJSON().tokens).toEqual(['<pad>', '<unk>', 'the', 'a', 'cat']);
    expect(vocab.id('dog')).toBe(1);
    expect(Vocabulary.build(DOCUMENTS, { maxSize: 2 }).size).toBe(2);
  });

  it('does not count the special tokens as words', () => {
    expect(Vocabulary.build([['<pad>', 'x', '<unk>']]).toJSON().tokens).toEqual(['<pad>', '<unk>', 'x']);
  });

  it('round-trips through JSON', () => {
    const vocab = Vocabulary.build(DOCUMENTS, { minFrequency: 2 });
    const restored = Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocab)));
    expect(restored.toJSON()).toEqual(vocab.toJSON());
    expect(restored.id('dog')).toBe(vocab.id('dog'));
    expect(vocab.toJSON()).toMatchObject({ format: 'cnnkit-vocabulary', version: 1 });
  });

  it('rejects foreign JSON and bad options with clear errors', () => {
    const rejects = (json: unknown, message: RegExp): void => {
      let error: unknown;
      try {
        Vocabulary.fromJSON(json);
      } catch (e) {
        error = e;
      }
      expect(isCnnkitError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as Error).message).toMatch(message);
    };
    rejects(null, /got null; expected an object/);
    rejects(['<pad>'], /got an array/);
    rejects({ format: 'keras-tokenizer', version: 1, tokens: [] }, /format is "keras-tokenizer"; expected 'cnnkit-vocabulary'/);
    rejects({ format: 'cnnkit-vocabulary', version: 2, tokens: ['<pad>', '<unk>'] }, /version is 2; expected 1/);
    rejects({ format: 'cnnkit-vocabulary', version: 1, tokens: 'abc' }, /tokens is string; expected an array of strings/);
    rejects({ format: 'cnnkit-vocabulary', version: 1, tokens: ['<pad>', '<unk>', 3] }, /tokens\[2\] is number/);
    rejects({ format: 'cnnkit-vocabulary', version: 1, tokens: ['<unk>', '<pad>'] }, /expected \["<pad>", "<unk>"\]/);
    rejects({ format: 'cnnkit-vocabulary', version: 1, tokens: ['<pad>', '<unk>', 'a', 'a'] }, /"a" appears again at index 3/);
    expect(() => Vocabulary.build(DOCUMENTS, { minFrequency: 0 })).toThrow(/minFrequency is 0/);
    expect(() => Vocabulary.build(DOCUMENTS, { maxSize: 1 })).toThrow(/maxSize is 1; expected an integer >= 2/);
    expect(() => Vocabulary.build(DOCUMENTS).token(8)).toThrow(/id 8; expected an integer in \[0, 7\]/);
  });
});
