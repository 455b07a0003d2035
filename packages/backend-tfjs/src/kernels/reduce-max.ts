import * as tf from '@tensorflow/tfjs-core';
import { reductionKernel } from './reduction';

/** tf.max propagates NaN on the cpu and wasm engines, as torch.amax (a conformance case holds it to that). */
export const reduceMaxKernel = reductionKernel('reduceMax', (x, axes) => tf.max(x, axes));
