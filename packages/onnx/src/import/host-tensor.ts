import { CnnkitError, type Dim, type TensorValue } from '@cnnkit/core';
import { DATA_TYPE, dataTypeName } from '../proto/enums';
import { tensorFromProto, tensorProtoNumbers } from '../proto/tensor-value';
import type { TensorProto } from '../proto/types';

/**
 * A value the importer knows while converting: an initializer, a Constant, or what folding made of
 * them. Floats are float32 (float64 / float16 files are narrowed, with a note). Integers of every
 * width and bools are plain numbers (int64 exactly within ±2^53, INT64_MAX / INT64_MIN as
 * ±Infinity), and may hold symbolic dims: Shape of a value with a symbolic batch yields ['N', 16,
 * 5, 5], and Gather / Concat / Unsqueeze carry such entries on, which is how the Shape -> Gather ->
 * Concat -> Reshape patterns of exporters fold into a static reshape.
 */
export type HostTensor = FloatHost | IntHost;

export interface FloatHost {
  readonly kind: 'float';
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface IntHost {
  readonly kind: 'int';
  readonly shape: readonly number[];
  readonly data: readonly Dim[];
  /** The ONNX element type (INT64, INT32, BOOL ...), for messages and Cast. */
  readonly dataType: number;
}

export function floatHost(shape: readonly number[], data: Float32Array): FloatHost {
  return { kind: 'float', shape, data };
}

export function intHost(shape: readonly number[], data: readonly Dim[], dataType: number = DATA_TYPE.INT64): IntHost {
  return { kind: 'int', shape, data, dataType };
}

const FLOAT_TYPES: readonly number[] = [DATA_TYPE.FLOAT, DATA_TYPE.DOUBLE, DATA_TYPE.FLOAT16, DATA_TYPE.BFLOAT16];

/**
 * Reads a TensorProto's values with the codec's conversions: floating types as float32
 * (`note` hears when DOUBLE / FLOAT16 / BFLOAT16 were converted), integer and BOOL types as
 * exact numbers (not yet narrowed to int32: a Slice end may be INT64_MAX). `where` names the
 * tensor and the file.
 */
export function hostFromTensorProto(t: TensorProto, where: string, note: (message: string) => void): HostTensor {
  if (FLOAT_TYPES.includes(t.dataType)) {
    const value = tensorFromProto(t, where);
    if (t.dataType !== DATA_TYPE.FLOAT) note(`${where}${t.name ? ` tensor '${t.name}'` : ''}: ${dataTypeName(t.dataType)} values converted to float32`);
    return floatHost(value.shape, value.data as Float32Array);
  }
  return intHost([...t.dims], tensorProtoNumbers(t, where), t.dataType);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** An integer host tensor as core's int32 values; every entry must be known and within int32. */
export function toInt32Value(t: IntHost, where: string): TensorValue {
  const data = new Int32Array(t.data.length);
  t.data.forEach((v, i) => {
    if (typeof v === 'string') {
      throw new CnnkitError('UNSUPPORTED_OP', `${where}: entry ${i} is the run-time size '${v}'; expected a value known when importing (cnnkit graphs have no Shape op)`, { index: i });
    }
    if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${dataTypeName(t.dataType)} value ${v} at index ${i} does not fit int32; expected values in [${INT32_MIN}, ${INT32_MAX}] (cnnkit keeps indices as int32)`, { index: i, value: v });
    }
    data[i] = v;
  });
  return { dtype: 'int32', shape: t.shape, data };
}

export function toTensorValue(t: HostTensor, where: string): TensorValue {
  return t.kind === 'float' ? { dtype: 'float32', shape: t.shape, data: t.data } : toInt32Value(t, where);
}

/** Known integers (no symbolic entries) as plain numbers, for attribute-like inputs. */
export function knownInts(t: IntHost, where: string, what: string): number[] {
  return t.data.map((v, i) => {
    if (typeof v === 'string') {
      throw new CnnkitError('UNSUPPORTED_OP', `${where}: ${what} entry ${i} is the run-time size '${v}'; expected a value known when importing`, { index: i });
    }
    return v;
  });
}
