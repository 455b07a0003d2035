import { readFileSync } from 'node:fs';

/** torchvision_counts.json, written by fixtures/torchvision_counts.py with Debian's torch / torchvision. */
export interface TorchvisionFixture {
  readonly torch: string;
  readonly torchvision: string;
  /** Parameter counts by model name; 'name@option=value,...' for non-default options. */
  readonly counts: Readonly<Record<string, number>>;
  /** Ordered [key, shape] of state_dict() for resnet18, resnet50, vgg11_bn. */
  readonly stateDicts: Readonly<Record<string, readonly [string, number[]][]>>;
}

export const torchvision: TorchvisionFixture = JSON.parse(readFileSync(new URL('./fixtures/torchvision_counts.json', import.meta.url), 'utf8')) as TorchvisionFixture;
