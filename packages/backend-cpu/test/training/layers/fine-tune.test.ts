import { BatchNorm2d, Conv2d, F, GradualUnfreezing, Identity, Linear, Module, ReLU, Sequential, type Tensor, backward, freezeAllBut, replaceModule } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** A small torchvision-shaped classifier: features (Sequential) then classifier (Sequential) with the head at classifier.2. */
class Small extends Module {
  conv1 = this.register('conv1', new Conv2d(1, 2, 3, { bias: false }));
  bn1 = this.register('bn1', new BatchNorm2d(2));
  features = this.register('features', new Sequential(new Conv2d(2, 2, 1), new ReLU()));
  classifier = this.register('classifier', new Sequential(new Linear(8, 6), new ReLU(), new Linear(6, 3)));
  fc = this.register('fc', new Linear(3, 5));

  forward(x: Tensor): Tensor {
    const h = this.features.call(this.bn1.call(this.conv1.call(x)));
    return this.fc.call(this.classifier.call(F.flatten(h)));
  }
}

const x = (): Tensor => F.tensor(Array.from({ length: 32 }, (_, i) => Math.cos(i)), [2, 1, 4, 4]);
const names = (m: Module): string[] => m.namedParameters().map(([n]) => n);
const trainable = (m: Module): string[] => m.namedParameters().filter(([, p]) => p.requiresGrad).map(([n]) => n);

describe('replaceModule', () => {
  it("swaps a head for a new class count, keeping the key order and the parent's field", async () => {
    const m = new Small();
    const oldFc = m.fc;
    const head = new Linear(3, 10);
    expect(replaceModule(m, 'fc', head)).toBe(oldFc);
    expect(m.fc).toBe(head);
    expect(m.call(x()).shape).toEqual([2, 10]);
    expect((await m.stateDict())['fc.weight']!.shape).toEqual([10, 3]);
    // Inside a Sequential, by index (as 'classifier.6' in VGG).
    const newLast = new Linear(6, 4);
    replaceModule(m, 'classifier.2', newLast);
    expect(m.classifier.at(2)).toBe(newLast);
    replaceModule(m, 'fc', new Linear(4, 7));
    expect(m.call(x()).shape).toEqual([2, 7]);
    expect(names(m)).toEqual(['conv1.weight', 'bn1.weight', 'bn1.bias', 'features.0.weight', 'features.0.bias', 'classifier.0.weight', 'classifier.0.bias', 'classifier.2.weight', 'classifier.2.bias', 'fc.weight', 'fc.bias']);
    // Identity drops a head entirely (feature extraction).
    replaceModule(m, 'fc', new Identity());
    expect(m.call(x()).shape).toEqual([2, 4]);
    expect(names(m).some((n) => n.startsWith('fc.'))).toBe(false);
  });

  it('names the path and what exists there when it is wrong', () => {
    const m = new Small();
    expect(() => replaceModule(m, 'classifier.6', new Linear(6, 2))).toThrow(/no module at 'classifier\.6': 'classifier' \(Sequential\(\)\) has no child '6'; its children are '0', '1', '2'/);
    expect(() => replaceModule(m, 'head', new Linear(3, 2))).toThrow(/no module at 'head': the model \(Small\(\)\) has no child 'head'; its children are 'conv1', 'bn1', 'features', 'classifier', 'fc'/);
    expect(() => replaceModule(m, 'head.0', new Linear(3, 2))).toThrow(/no module at 'head': .* has no child 'head'/);
    expect(() => replaceModule(m, '', new Linear(3, 2))).toThrow(/path '' names the model itself/);
  });
});

describe('freezeAllBut', () => {
  it('leaves only the matching parameters trainable; backward then reaches only them', () => {
    const m = new Small();
    replaceModule(m, 'fc', new Linear(3, 2));
    expect(freezeAllBut(m, 'fc')).toEqual(['fc.weight', 'fc.bias']);
    expect(trainable(m)).toEqual(['fc.weight', 'fc.bias']);
    backward(() => F.reduceSum(m.call(x())), m.parameters());
    expect(m.namedParameters().filter(([, p]) => p.grad).map(([n]) => n)).toEqual(['fc.weight', 'fc.bias']);
    expect(freezeAllBut(m, ['classifier.2', /^bn1\./])).toEqual(['bn1.weight', 'bn1.bias', 'classifier.2.weight', 'classifier.2.bias']);
  });

  it('refuses a pattern that matches nothing and leaves the flags as they were', () => {
    const m = new Small();
    m.freeze('conv1');
    const before = trainable(m);
    expect(() => freezeAllBut(m, ['fc', 'head'])).toThrow(/unfreeze\('head'\): no parameter name matches/);
    expect(trainable(m)).toEqual(before);
  });
});

describe('GradualUnfreezing', () => {
  const groups = [['fc'], ['classifier'], ['features', 'bn1']];

  it('starts with the head and unfreezes one group down every N epochs', () => {
    const m = new Small();
    const schedule = new GradualUnfreezing(m, groups, { everyEpochs: 2 });
    // conv1 is in no group: the schedule leaves it alone (trainable here).
    expect(trainable(m)).toEqual(['conv1.weight', 'fc.weight', 'fc.bias']);
    expect(schedule.applyEpoch(0)).toEqual([]);
    expect(schedule.applyEpoch(1)).toEqual([]);
    expect(schedule.applyEpoch(2)).toEqual(['classifier.0.weight', 'classifier.0.bias', 'classifier.2.weight', 'classifier.2.bias']);
    expect(schedule.applyEpoch(3)).toEqual([]);
    expect(schedule.applyEpoch(4)).toEqual(['features.0.weight', 'features.0.bias', 'bn1.weight', 'bn1.bias']);
    expect(trainable(m)).toEqual(names(m));
    expect(schedule.unfrozenGroups(100)).toBe(3);
  });

  it('depends on the epoch alone, so a resumed run matches an uninterrupted one', () => {
    const uninterrupted = new Small();
    const a = new GradualUnfreezing(uninterrupted, groups);
    for (let e = 0; e <= 1; e++) a.applyEpoch(e);
    const resumed = new Small();
    new GradualUnfreezing(resumed, groups).applyEpoch(1);
    expect(trainable(resumed)).toEqual(trainable(uninterrupted));
    expect(trainable(resumed)).toEqual(['conv1.weight', 'classifier.0.weight', 'classifier.0.bias', 'classifier.2.weight', 'classifier.2.bias', 'fc.weight', 'fc.bias']);
    // Going back to epoch 0 freezes the later groups again.
    a.applyEpoch(0);
    expect(trainable(uninterrupted)).toEqual(['conv1.weight', 'fc.weight', 'fc.bias']);
  });

  it('refuses patterns that match nothing and bad settings', () => {
    const m = new Small();
    expect(() => new GradualUnfreezing(m, [['fc'], ['layer4']])).toThrow(/GradualUnfreezing: group 1 pattern 'layer4' matches no parameter of Small\(\); its parameter names start with conv1, bn1, features, classifier, fc/);
    expect(() => new GradualUnfreezing(m, groups, { everyEpochs: 0 })).toThrow(/everyEpochs is 0; expected an integer >= 1/);
    expect(() => new GradualUnfreezing(m, [])).toThrow(/no groups given/);
    expect(() => new GradualUnfreezing(m, groups).applyEpoch(-1)).toThrow(/epoch is -1; expected an integer >= 0/);
  });
});
