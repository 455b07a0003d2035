import { DATA_TYPE, dataTypeName } from '../../proto/enums';
import { floatHost, intHost } from '../host-tensor';
import type { NodeContext } from '../node-context';

const FLOATS: readonly number[] = [DATA_TYPE.FLOAT, DATA_TYPE.DOUBLE, DATA_TYPE.FLOAT16, DATA_TYPE.BFLOAT16];
const INTS: readonly number[] = [DATA_TYPE.INT64, DATA_TYPE.INT32, DATA_TYPE.INT16, DATA_TYPE.INT8, DATA_TYPE.UINT8, DATA_TYPE.UINT16, DATA_TYPE.UINT32, DATA_TYPE.UINT64];

/**
 * Cast: constants convert on the host. At run time cnnkit has no cast op, so only casts that
 * change nothing in cnnkit's dtypes import: float32 -> FLOAT, and int32 (cnnkit's form of
 * int64 / int32 indices) -> INT64 / INT32.
 */
export function convertCast(n: NodeContext): void {
  n.attrs.expectOnly(['to', 'saturate']);
  const to = n.attrs.int('to');
  if (to === undefined) throw n.error('INVALID_ATTRIBUTE', `has no attribute 'to'; expected the target data type`);
  const v = n.value(0);
  if (v.kind === 'constant') {
    const t = v.tensor;
    if (FLOATS.includes(to)) {
      if (t.kind === 'float') return n.defineConstant(0, t);
      return n.defineConstant(0, floatHost(t.shape, Float32Array.from(n.intValues(0, 'input'))));
    }
    if (INTS.includes(to) || to === DATA_TYPE.BOOL) {
      const values = t.kind === 'float' ? Array.from(t.data, Math.trunc) : t.data;
      const cast = to === DATA_TYPE.BOOL ? values.map((x) => (typeof x === 'number' ? (x === 0 ? 0 : 1) : x)) : values;
      return n.defineConstant(0, intHost(t.shape, cast, to));
    }
    throw n.unsupported(`casts to ${dataTypeName(to)}; expected a numeric type`);
  }
  const x = n.runtime(0);
  const noop = x.type.dtype === 'float32' ? to === DATA_TYPE.FLOAT : to === DATA_TYPE.INT64 || to === DATA_TYPE.INT32;
  if (!noop) {
    throw n.unsupported(`casts a run-time ${x.type.dtype} value to ${dataTypeName(to)}; cnnkit has no cast op, so only casts that change nothing import (float32 -> FLOAT, int32 / int64 indices -> INT64 or INT32)`);
  }
  n.define(0, x);
}
