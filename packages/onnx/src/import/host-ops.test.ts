import { describe, expect, it } from 'vitest';
import { floatHost, intHost } from './host-tensor';
import { hostBinary, hostConcat, hostGather, hostSlice, hostTranspose } from './host-ops';
import { reshapeTarget } from './reshape-target';

// m = [[0, 1, 2], [3, 4, 5]]
const m = floatHost([2, 3], Float32Array.from([0, 1, 2, 3, 4, 5]));
const shape = intHost([4], ['N', 16, 5, 5]);

describe('host folding', () => {
  it('transpose, slice, gather, concat on floats', () => {
    expect(hostTranspose(m, [1, 0])).toEqual(floatHost([3, 2], Float32Array.from([0, 3, 1, 4, 2, 5])));
    expect(hostSlice(m, [1, -2], [2, 100], [0, 1])).toEqual(floatHost([1, 2], Float32Array.from([4, 5])));
    expect(hostGather(m, [-1, 0], [2], 1, 'here')).toEqual(floatHost([2, 2], Float32Array.from([2, 0, 5, 3])));
    expect(hostConcat([m, m], 1, 'here')).toEqual(floatHost([2, 6], Float32Array.from([0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])));
    expect(() => hostGather(m, [3], [1], 1, 'Gather here')).toThrow('Gather here: index 3 is out of range for axis 1 of size 3; expected [-3, 2]');
  });

  it('symbolic dims travel through gather, slice and concat', () => {
    expect(hostGather(shape, [0], [], 0, 'here').data).toEqual(['N']);
    expect(hostSlice(shape, [2], [2147483647], [0]).data).toEqual([5, 5]);
    expect(hostConcat([hostSlice(shape, [0], [1], [0]), intHost([1], [-1])], 0, 'here').data).toEqual(['N', -1]);
  });

  it('arithmetic broadcasts; symbolic entries stay expressions unless the other side is neutral', () => {
    expect(hostBinary('sub', m, floatHost([3], Float32Array.from([1, 1, 1])), 'here').data).toEqual(Float32Array.from([-1, 0, 1, 2, 3, 4]));
    expect(hostBinary('mul', intHost([2], ['N', 3]), intHost([], [1]), 'here').data).toEqual(['N', 3]);
    expect(hostBinary('mul', intHost([2], ['N', 3]), intHost([], [4]), 'here').data).toEqual(['(N*4)', 12]);
    expect(hostBinary('div', intHost([2], [7, -7]), intHost([], [2]), 'here').data).toEqual([3, -3]);
  });

  it('reshapeTarget: a symbolic dim in place is 0, one other unknown is -1', () => {
    expect(reshapeTarget(['N', 16, 5, 5], ['N', -1], 'here')).toEqual([0, -1]);
    expect(reshapeTarget(['N', 16, 5, 5], ['N', 400], 'here')).toEqual([0, 400]);
    expect(reshapeTarget(['N', 3], [1, 'N', 3], 'here')).toEqual([1, -1, 3]);
    expect(() => reshapeTarget(['N', 3], ['(N*3)', 'N'], 'here')).toThrow(/entries 0 and 1 are both unknown/);
    expect(() => reshapeTarget([4], [-2], 'here')).toThrow(/has the entry -2/);
  });
});
