import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy';
import { addConfusion, confusionMatrix } from './confusion-matrix';
import { classificationReport } from './precision-recall-f1';

const i32 = (xs: number[]): Int32Array => Int32Array.from(xs);

// Hand-worked: 4 classes, class 3 never occurs (exercises zero division).
//   y_true = [0, 1, 2, 2, 2, 1, 0, 2]
//   y_pred = [0, 2, 2, 2, 1, 1, 1, 0]
// confusion (rows true, cols pred):  [1 1 0 0] [0 1 1 0] [1 1 2 0] [0 0 0 0]
// tp = 1, 1, 2, 0; predicted (col sums) = 2, 3, 3, 0; support (row sums) = 2, 2, 4, 0
// precision = 1/2, 1/3, 2/3, 0(0/0)      recall = 1/2, 1/2, 2/4, 0(0/0)
// f1 = 2tp/(pred+support) = 2/4, 2/5, 4/7, 0
// macro P = (.5 + 1/3 + 2/3 + 0)/4 = .375   macro R = (.5+.5+.5+0)/4 = .375
// macro F1 = (.5 + .4 + 4/7)/4 = 0.367857142...
// micro P = R = F1 = 4/8 = .5 (= accuracy)
// weighted P = (.5·2 + 1/3·2 + 2/3·4)/8 = 13/24   weighted R = (.5·2+.5·2+.5·4)/8 = .5
// weighted F1 = (.5·2 + .4·2 + 4/7·4)/8 = 0.510714285...
// sklearn.metrics.precision_recall_fscore_support(y_true, y_pred, labels=[0,1,2,3], average=...,
// zero_division=0) gives the same numbers (macro/micro/weighted as above).
const yTrue = i32([0, 1, 2, 2, 2, 1, 0, 2]);
const yPred = i32([0, 2, 2, 2, 1, 1, 1, 0]);

describe('confusionMatrix', () => {
  it('puts truth on rows and prediction on columns', () => {
    const cm = confusionMatrix(yPred, yTrue, 4);
    expect(Array.from(cm.counts)).toEqual([1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 2, 0, 0, 0, 0, 0]);
  });

  it('adds batch matrices into the matrix of the whole', () => {
    const whole = confusionMatrix(yPred, yTrue, 4);
    const merged = addConfusion(confusionMatrix(yPred.subarray(0, 3), yTrue.subarray(0, 3), 4), confusionMatrix(yPred.subarray(3), yTrue.subarray(3), 4));
    expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
  });

  it('rejects labels outside [0, numClasses)', () => {
    expect(() => confusionMatrix(i32([0, 4]), i32([0, 1]), 4)).toThrow(/predicted\[1\] is 4; expected a class index in \[0, 4\)/);
    expect(() => confusionMatrix(i32([0, 1]), i32([-1, 1]), 4)).toThrow(/target\[0\] is -1/);
    expect(() => confusionMatrix(i32([0]), i32([0]), 0)).toThrow(/numClasses is 0; expected a positive integer/);
  });
});

describe('classificationReport', () => {
  const r = classificationReport(confusionMatrix(yPred, yTrue, 4));

  it('per class', () => {
    expect(r.support).toEqual([2, 2, 4, 0]);
    [0.5, 1 / 3, 2 / 3, 0].forEach((v, c) => expect(r.precision[c]).toBeCloseTo(v, 12));
    [0.5, 0.5, 0.5, 0].forEach((v, c) => expect(r.recall[c]).toBeCloseTo(v, 12));
    [0.5, 0.4, 4 / 7, 0].forEach((v, c) => expect(r.f1[c]).toBeCloseTo(v, 12));
  });

  it('macro, micro and weighted averages', () => {
    expect(r.macro.precision).toBeCloseTo(0.375, 12);
    expect(r.macro.recall).toBeCloseTo(0.375, 12);
    expect(r.macro.f1).toBeCloseTo(0.3678571428571429, 12);
    expect(r.micro).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.micro.f1).toBe(accuracy(yPred, yTrue));
    expect(r.weighted.precision).toBeCloseTo(13 / 24, 12);
    expect(r.weighted.recall).toBeCloseTo(0.5, 12);
    expect(r.weighted.f1).toBeCloseTo(0.5107142857142857, 12);
  });

  it('a class predicted but never true has recall 0 and its precision counts its false positives', () => {
    // y_true = [0, 0], y_pred = [0, 1]: class 1 P = 0/1 = 0, R = 0/0 -> 0; class 0 P = 1/1, R = 1/2, F1 = 2/3
    const s = classificationReport(confusionMatrix(i32([0, 1]), i32([0, 0]), 2));
    expect(s.precision).toEqual([1, 0]);
    expect(s.recall).toEqual([0.5, 0]);
    expect(s.f1[0]).toBeCloseTo(2 / 3, 12);
    expect(s.f1[1]).toBe(0);
    // weighted by support [2, 0]: only class 0 counts
    expect(s.weighted.f1).toBeCloseTo(2 / 3, 12);
  });

  it('no samples at all gives zeros, not NaN', () => {
    const s = classificationReport(confusionMatrix(i32([]), i32([]), 3));
    expect([s.macro, s.micro, s.weighted]).toEqual([0, 0, 0].map(() => ({ precision: 0, recall: 0, f1: 0 })));
  });
});
