import { CnnkitError } from '../../errors';
import type { GradFn } from '../gradient';
import { batchNormBackward } from './backward-ops';

/**
 * Training-mode batch norm through its backward kernel (the batch statistics depend on x, which
 * batchNormBackward accounts for). Only y may reach the loss: the batch mean and variance
 * outputs exist to update running statistics, so a gradient arriving for them is a modelling
 * error, reported rather than silently dropped.
 */
export const batchNormTrainingGradient: GradFn<'batchNormTraining'> = ([dy, dMean, dVar], { inputs: [x, scale], outputs: [, mean, variance], attrs }) => {
  const stray = [dMean ? 'mean (output 1)' : '', dVar ? 'var (output 2)' : ''].filter(Boolean);
  if (stray.length > 0) {
    throw new CnnkitError('UNSUPPORTED_OP', `batchNormTraining gradient: the loss depends on the batch ${stray.join(' and ')}; expected only y (output 0) to reach the loss — the batch statistics feed the running statistics, which are updated without gradients (inside noGrad)`, { op: 'batchNormTraining' });
  }
  const [dx, dscale, dbias] = batchNormBackward(dy!, x!, scale!, mean!, variance!, attrs);
  return [dx, dscale, dbias];
};
