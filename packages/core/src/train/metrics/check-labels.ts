import { CnnkitError } from '../../errors';

/** Throws unless every label is an integer class index in [0, numClasses). */
export function checkLabels(labels: Int32Array, numClasses: number, what: string, where: string): void {
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c < 0 || c >= numClasses) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${what}[${i}] is ${c}; expected a class index in [0, ${numClasses})`, { index: i, value: c, numClasses });
    }
  }
}

export function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>, names: [string, string], where: string): void {
  if (a.length !== b.length) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: ${names[0]} has ${a.length} entries and ${names[1]} has ${b.length}; expected the same number (one per sample)`);
  }
}

export function checkNumClasses(numClasses: number, where: string): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: numClasses is ${numClasses}; expected a positive integer`);
  }
}

/** Throws unless scores holds exactly numClasses values per sample. */
export function checkScores(scores: Float32Array, numClasses: number, numSamples: number, where: string): void {
  checkNumClasses(numClasses, where);
  if (scores.length !== numSamples * numClasses) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: scores has ${scores.length} values; expected ${numSamples} samples × ${numClasses} classes = ${numSamples * numClasses}`);
  }
}
