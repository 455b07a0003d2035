import type { DType } from '../tensor/dtype';
import type { Shape } from '../tensor/shape';
import type { OpAttrs, OpType } from './attributes';

/** What shape inference knows about a value: its dtype and (possibly symbolic) shape. */
export interface TensorType {
  readonly dtype: DType;
  readonly shape: Shape;
}

export interface InputSpec {
  readonly name: string;
  readonly dtypes: readonly DType[];
  /** Optional inputs may be left off the end of a node's input list. */
  readonly optional?: boolean;
  /** A variadic input takes one or more values (concat). Only the last spec may be variadic. */
  readonly variadic?: boolean;
}

/**
 * One op of the op set: its inputs, how its attributes default and validate, and its shape
 * inference. Every error names the op and node (`where`), what was given and what was expected.
 */
export interface OpDef<K extends OpType> {
  readonly type: K;
  readonly summary: string;
  readonly inputs: readonly InputSpec[];
  readonly outputs: readonly string[];
  normalize(attrs: Readonly<Record<string, unknown>>, where: string): OpAttrs<K>;
  infer(inputs: readonly TensorType[], attrs: OpAttrs<K>, where: string): TensorType[];
}
