import type { CellBudget } from './time-cell';

/**
 * The budget of a throwaway warm-up cell: one run when a run is slow (over 0.2 s, so a big model
 * costs one extra run), else up to 1 + 20 runs in about 0.2 s — enough for the engine's one-time
 * costs (ONNX Runtime's first session, tfjs's first kernels, the JIT of each runner's call path).
 */
export const WARM_UP_BUDGET: CellBudget = { warmup: 1, repeats: 20, cellSeconds: 0.2, keepWarmupOverSeconds: 0.2 };

/**
 * Runs every runner's cell once, untimed and discarded, before any timed cell of a model: without
 * it the runner that comes first (cnnkit's, in plan order) pays the process's one-time warm-up
 * and the alternative after it does not. A runner failing here is ignored; its timed cell fails
 * again and reports why.
 */
export async function warmUpRunners(cells: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const cell of cells) {
    try {
      await cell();
    } catch {
      // reported by the timed cell
    }
  }
}
