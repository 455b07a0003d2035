import { createModel } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../training/layers/helpers';
import { torchvision } from './zoo-fixtures';

beforeAll(useCpu);

describe('state dict keys equal torchvision\'s', () => {
  for (const name of ['resnet18', 'resnet50', 'vgg11_bn']) {
    it(`${name}: every key and shape, in state_dict() order`, () => {
      const expected = torchvision.stateDicts[name]!;
      expect(expected.length).toBeGreaterThan(60);
      const model = createModel(name, { skipInit: true });
      const ours = model.namedState().map(([key, holder]) => [key, [...holder.value.shape]]);
      model.dispose();
      expect(ours).toEqual(expected);
    });
  }

  it('the integer buffer is num_batches_tracked; the rest is float32', () => {
    const model = createModel('resnet18', { skipInit: true });
    const ints = model.namedState().filter(([, h]) => h.value.dtype !== 'float32').map(([key]) => key);
    expect(ints.length).toBe(20);
    expect(ints.every((k) => k.endsWith('.num_batches_tracked'))).toBe(true);
  });
});
