import { type OptimizerCase, type OptimizerGoldenFile, optimizerGoldens } from '../../training/optimizer-case';
import golden from '../golden/optimizers.json';

/** A few steps of SGD (plain, momentum, dampening, Nesterov, weight decay), Adam and AdamW (amsgrad, decay) against PyTorch. */
export const OPTIMIZER_CASES: readonly OptimizerCase[] = optimizerGoldens(golden as unknown as OptimizerGoldenFile);
