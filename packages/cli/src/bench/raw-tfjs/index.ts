import { rawLenet5 } from './lenet5';
import { rawResnet18, rawResnet50 } from './resnet';
import { rawTextCnn } from './text-cnn';
import type { RawTfjsModel, Tf } from './tf-types';
import { rawVgg11 } from './vgg';

export type { RawTfjsModel, Tf, TfTensor } from './tf-types';

/** The bench's models written in raw tfjs ops, by zoo name. */
export const RAW_TFJS_MODELS: Readonly<Record<string, (tf: Tf) => RawTfjsModel>> = {
  lenet5: rawLenet5,
  resnet18: rawResnet18,
  resnet50: rawResnet50,
  vgg11: rawVgg11,
  textCnn: rawTextCnn,
};
