import { F, accuracyOf, confusionMatrixOf, setBackend, topKAccuracyOf } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

beforeAll(() => setBackend(createBackend()));

describe('metrics over tensors (read with await data())', () => {
  // logits rows: argmax 1, 0, 2, 0; targets 1, 1, 2, 2 -> 2 of 4 right.
  // top-2: row 1 [.5 .4 .1] t=1 rank 1 -> hit; row 3 [.6 .1 .3] t=2 rank 1 -> hit -> 4 of 4.
  const logits = () => F.tensor([0.1, 0.7, 0.2, 0.5, 0.4, 0.1, 0.2, 0.2, 0.6, 0.6, 0.1, 0.3], [4, 3]);
  const target = () => F.tensor([1, 1, 2, 2], [4], 'int32');

  it('accuracy, top-k and the confusion matrix', async () => {
    expect(await accuracyOf(logits(), target())).toBe(0.5);
    expect(await topKAccuracyOf(logits(), target(), 2)).toBe(1);
    const cm = await confusionMatrixOf(logits(), target());
    // rows = truth: class 1 -> predicted 1, 0; class 2 -> predicted 2, 0
    expect(Array.from(cm.counts)).toEqual([0, 0, 0, 1, 1, 0, 1, 0, 1]);
  });

  it('rejects logits that are not [N, C] and targets that do not match', async () => {
    await expect(accuracyOf(F.tensor([1, 2, 3], [3]), target())).rejects.toThrow(/accuracyOf: logits are float32 \[3\]; expected float32 \[N, classes\]/);
    await expect(accuracyOf(logits(), F.tensor([1, 1], [2], 'int32'))).rejects.toThrow(/target is int32 \[2\]; expected int32 \[4\] class indices/);
  });
});
