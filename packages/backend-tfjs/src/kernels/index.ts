// Shared by the two helpers building this package: forward kernels live in src/kernels/<op-kebab>.ts,
// training kernels (the *Backward ops and batchNormTraining) in src/kernels/training/<op-kebab>.ts;
// each file exports `<op>Kernel`. Both append an import and a table line below as kernels land.
import type { TfKernelTable } from './tf-kernel';

/** One kernel per op, one op per file; ops missing here are left out of capabilities.ops. */
export const TF_KERNELS: TfKernelTable = {
};
