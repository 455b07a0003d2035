import { CnnkitError, type Module, formatShape, isCnnkitError, readSafetensors } from '@cnnkit/core';

interface Mismatch {
  readonly key: string;
  readonly expected: { readonly shape: readonly number[] };
  readonly given: { readonly shape: readonly number[] };
}

function isMismatchList(value: unknown): value is Mismatch[] {
  return Array.isArray(value) && value.every((m) => typeof m?.key === 'string' && Array.isArray(m?.expected?.shape) && Array.isArray(m?.given?.shape));
}

/**
 * When the only mismatches are the classifier's outputs (axis 0 differs, the rest agrees, and
 * the model's size there is its class count), the file was trained for another class count.
 */
function numClassesHint(mismatched: readonly Mismatch[], numClasses: number): string {
  const sizes = new Set<number>();
  for (const m of mismatched) {
    const [given, ...givenRest] = m.given.shape;
    const [expected, ...expectedRest] = m.expected.shape;
    if (expected !== numClasses || given === undefined || formatShape(givenRest) !== formatShape(expectedRest)) return '';
    sizes.add(given);
  }
  return sizes.size === 1 ? ` (the classifier in the file has ${[...sizes][0]} outputs: pass --num-classes ${[...sizes][0]})` : '';
}

/**
 * Loads a safetensors file into `model` strictly: every key of the model must be in the file
 * with its dtype and shape, and nothing else may be. Errors name the file; reading errors come
 * from core (truncated file, bad header) and already do. Returns how many tensors were loaded.
 */
export async function loadWeights(model: Module, file: string, modelName: string): Promise<number> {
  const { tensors } = await readSafetensors(file);
  try {
    return model.loadStateDict(Object.fromEntries(tensors)).loaded.length;
  } catch (error) {
    if (!isCnnkitError(error)) throw error;
    const mismatched = error.details['mismatched'];
    const numClasses = (model as { numClasses?: unknown }).numClasses;
    const hint = typeof numClasses === 'number' && isMismatchList(mismatched) && mismatched.length > 0 ? numClassesHint(mismatched, numClasses) : '';
    throw new CnnkitError(error.code, `weights '${file}' do not fit model ${modelName}: ${error.message}${hint}`, { ...error.details, file }, { cause: error });
  }
}
