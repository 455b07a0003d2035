import { type Tensor, type ValueInfo, checkFeeds } from '@cnnkit/core';

/**
 * core's checkFeeds, planned once per executable: a run whose feeds fit (the usual case) costs a
 * few comparisons and allocates nothing (checkFeeds builds a Map and a message prefix per input
 * on every call). Any mismatch falls through to checkFeeds, which throws its usual error.
 */
export function planFeedCheck(graphName: string, inputs: readonly ValueInfo[]): (feeds: Readonly<Record<string, Tensor>>) => void {
  const symbols = [...new Set(inputs.flatMap((i) => i.shape.filter((d): d is string => typeof d === 'string')))];
  // Per input, per dimension: a static size (>= 0) or -(1 + index of its symbol).
  const dims = inputs.map((i) => i.shape.map((d) => (typeof d === 'number' ? d : -1 - symbols.indexOf(d))));
  const bound = new Array<number>(symbols.length);
  const fits = (feeds: Readonly<Record<string, Tensor>>): boolean => {
    let count = 0;
    for (const name in feeds) if (Object.prototype.hasOwnProperty.call(feeds, name)) count++;
    if (count !== inputs.length) return false;
    bound.fill(-1);
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i]!;
      const t = Object.prototype.hasOwnProperty.call(feeds, input.name) ? feeds[input.name] : undefined;
      if (t === undefined || t.dtype !== input.dtype) return false;
      const want = dims[i]!;
      const shape = t.shape;
      if (shape.length !== want.length) return false;
      for (let k = 0; k < want.length; k++) {
        const d = want[k]!;
        const given = shape[k]!;
        if (d >= 0) {
          if (d !== given) return false;
        } else if (bound[-1 - d] === -1) bound[-1 - d] = given;
        else if (bound[-1 - d] !== given) return false;
      }
    }
    return true;
  };
  return (feeds) => {
    if (!fits(feeds)) checkFeeds(graphName, inputs, feeds);
  };
}
