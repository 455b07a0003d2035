import { MODEL_ZOO } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import torchvision from '../models/torchvision-counts.json';
import { runCli } from '../testing/cli-harness';

interface Row {
  name: string;
  family: string;
  parameters: number;
  macs: number;
  inputShape: number[];
  inputDtype: string;
}

/**
 * The counts `cnnkit models` must give. VGG and ResNet: torchvision 0.14 (scripts/torchvision_counts.py).
 * The others by hand:
 * - lenet5: parameters 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706; MACs conv1 6·28·28·25 = 117,600,
 *   conv2 16·10·10·150 = 240,000, fc1 120·400 = 48,000, fc2 84·120 = 10,080, fc3 10·84 = 840: 416,520.
 * - resnet20 / 32 / 56 (n = 3 / 5 / 9 blocks a stage): parameters from He et al. 2016 §4.2 (the
 *   issue's 269,722 / 464,154 / 853,018). MACs on 3×32×32: conv1 16·1024·3·9 = 442,368 and fc 640;
 *   every 3×3 conv costs 2,359,296 (16→16 at 32², 32→32 at 16², 64→64 at 8²) except the two
 *   stride-2 ones entering stages 2 and 3 (16→32, 32→64), 1,179,648; the zero-padding shortcuts
 *   cost nothing. So 443,008 + 2,359,296 · (6n − 1): 40,551,040 / 68,862,592 / 125,485,696.
 * - textCnn (vocabulary 20,000 × 128, L = 400): embedding 2,560,000, convs 100·128·(3 + 4 + 5) + 300
 *   = 153,900, fc 300·2 + 2 = 602: 2,714,502; MACs 100·128·(398·3 + 397·4 + 396·5) + 300·2 = 60,954,200.
 */
const EXPECTED: Record<string, { parameters: number; macs: number }> = {
  ...torchvision.models,
  lenet5: { parameters: 61_706, macs: 416_520 },
  resnet20: { parameters: 269_722, macs: 443_008 + 2_359_296 * 17 },
  resnet32: { parameters: 464_154, macs: 443_008 + 2_359_296 * 29 },
  resnet56: { parameters: 853_018, macs: 443_008 + 2_359_296 * 53 },
  textCnn: { parameters: 2_714_502, macs: 60_954_200 },
};

describe('cnnkit models', () => {
  let json: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
  const listed = (): Promise<{ code: number; stdout: string; stderr: string }> => (json ??= runCli('models', '--json'));

  it('lists every zoo model as JSON, with torchvision\'s parameter counts and MACs', async () => {
    const r = await listed();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows.map((x) => x.name)).toEqual(Object.keys(MODEL_ZOO));
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(MODEL_ZOO).sort());
    for (const row of rows) {
      const expected = EXPECTED[row.name]!;
      expect(row.parameters, `${row.name} parameters`).toBe(expected.parameters);
      expect(row.macs, `${row.name} MACs`).toBe(expected.macs);
      expect(Object.keys(row)).toEqual(['name', 'family', 'parameters', 'macs', 'inputShape', 'inputDtype']);
    }
  });

  it('gives each model\'s family and input of one sample', async () => {
    const rows = JSON.parse((await listed()).stdout) as Row[];
    const byName = new Map(rows.map((x) => [x.name, x]));
    expect(byName.get('lenet5')).toMatchObject({ family: 'lenet', inputShape: [1, 28, 28], inputDtype: 'float32' });
    expect(byName.get('vgg16_bn')).toMatchObject({ family: 'vgg', inputShape: [3, 224, 224], inputDtype: 'float32' });
    expect(byName.get('resnet50')).toMatchObject({ family: 'resnet', inputShape: [3, 224, 224], inputDtype: 'float32' });
    expect(byName.get('resnet56')).toMatchObject({ family: 'cifar-resnet', inputShape: [3, 32, 32], inputDtype: 'float32' });
    expect(byName.get('textCnn')).toMatchObject({ family: 'textcnn', inputShape: [400], inputDtype: 'int32' });
  });

  it('prints an aligned table', async () => {
    const r = await runCli('models');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^model +family +parameters +MACs +input$/);
    const row = (name: string): string => lines.find((l) => l.startsWith(`${name} `))!;
    expect(row('resnet18')).toMatch(/^resnet18 +resnet +11,689,512 +1,814,073,344 +\[3, 224, 224\] float32$/);
    expect(row('lenet5')).toMatch(/^lenet5 +lenet +61,706 +416,520 +\[1, 28, 28\] float32$/);
    expect(row('textCnn')).toMatch(/ \[400\] int32$/);
    // Right-aligned counts end in the same column on every row, as does the header's.
    const table = lines.slice(0, 1 + Object.keys(MODEL_ZOO).length);
    const macsEnd = lines[0]!.indexOf('MACs') + 'MACs'.length;
    const paramsEnd = lines[0]!.indexOf('parameters') + 'parameters'.length;
    for (const line of table.slice(1)) {
      expect(line[macsEnd - 1], line).toMatch(/\d/);
      expect(line[macsEnd], line).toBe(' ');
      expect(line[paramsEnd - 1], line).toMatch(/\d/);
      expect(line[paramsEnd], line).toBe(' ');
    }
  });
});
