import { describe, expect, it } from 'vitest';
import { createMetric, topKAccuracyMetric } from './streaming';

const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);
const i32 = (xs: number[]): Int32Array => Int32Array.from(xs);

describe('streaming metrics', () => {
  it('accuracy over two batches of [N, 2] scores: (1 + 2) / 4', () => {
    const m = createMetric('accuracy');
    m.update(f32([1, 0, 0, 1]), [2, 2], i32([0, 0])); // predictions 0, 1 -> 1 right
    m.update(f32([0, 2, 3, 1]), [2, 2], i32([1, 0])); // predictions 1, 0 -> 2 right
    expect(m.result()).toBe(0.75);
    m.reset();
    expect(m.result()).toBe(0);
  });

  it('accuracy on binary logits [N, 1] thresholds at 0 against 0/1 targets', () => {
    const m = createMetric('accuracy');
    // logits 2, -1, 0.5, -3 -> 1, 0, 1, 0 ; targets 1, 1, 1, 0 -> 3 of 4
    m.update(f32([2, -1, 0.5, -3]), [4, 1], f32([1, 1, 1, 0]));
    expect(m.result()).toBe(0.75);
  });

  it('top-k and macro F1 match the pure functions over the concatenated batches', () => {
    const top2 = topKAccuracyMetric(2);
    expect(top2.name).toBe('top2_accuracy');
    top2.update(f32([0.1, 0.5, 0.4]), [1, 3], i32([2])); // rank 1 -> hit
    top2.update(f32([0.9, 0.05, 0.05]), [1, 3], i32([2])); // rank 2 -> miss
    expect(top2.result()).toBe(0.5);

    // Two batches: truth [0, 1 | 1, 1], predicted [0, 1 | 0, 1]:
    // class 0 P = 1/2 R = 1 F1 = 2/3; class 1 P = 1 R = 2/3 F1 = 4/5; macro F1 = (2/3 + 4/5)/2 = 11/15
    const f1 = createMetric('macro_f1');
    f1.update(f32([1, 0, 0, 1]), [2, 2], i32([0, 1]));
    f1.update(f32([1, 0, 0, 1]), [2, 2], i32([1, 1]));
    expect(f1.result()).toBeCloseTo(11 / 15, 12);
  });

  it('rejects unknown names and outputs of the wrong rank', () => {
    expect(() => createMetric('auc' as 'accuracy')).toThrow(/metric 'auc' is not known/);
    expect(() => createMetric('accuracy').update(f32([0, 0, 0, 0]), [1, 2, 2], i32([0]))).toThrow(/expected \[N, classes\] scores/);
  });
});
