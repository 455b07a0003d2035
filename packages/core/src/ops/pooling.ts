import type { AvgPoolAttrs, MaxPoolAttrs } from './attributes';
import { boolAttr, checkKnownAttributes, intListAttr, noAttrs, paddingAttr } from './attribute-checks';
import type { OpDef, TensorType } from './op-def';
import { expectRank, shapeError, staticDim } from './shape-checks';
import { checkPositiveOutput, poolOutputSize, resolvePads } from './spatial';

interface WindowAttrs {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly pads: MaxPoolAttrs['pads'];
  readonly ceilMode: boolean;
}

function inferWindowed(x: TensorType, attrs: WindowAttrs, dilations: readonly number[], spatial: number, where: string): TensorType[] {
  expectRank(x, 'x', spatial + 2, where, spatial === 1 ? 'N, C, L' : 'N, C, H, W');
  const inSize = Array.from({ length: spatial }, (_, i) => staticDim(x.shape, i + 2, 'x', where));
  const pads = resolvePads(attrs.pads, inSize, attrs.kernelSize, attrs.strides, dilations);
  const outSize = inSize.map((n, i) => {
    const k = attrs.kernelSize[i]!;
    const half = Math.floor(k / 2);
    // PyTorch's rule (pad <= kernel / 2, dilation not counted): wider pads make windows of padding only.
    if (attrs.pads !== 'same' && (pads[i]! > half || pads[i + spatial]! > half)) {
      throw shapeError(where, `pads ${pads[i]}+${pads[i + spatial]} on spatial axis ${i} exceed half the kernel (${k}); expected each pad <= ${half}`);
    }
    const o = attrs.pads === 'same'
      ? Math.ceil(n / attrs.strides[i]!)
      : poolOutputSize(n, k, attrs.strides[i]!, dilations[i]!, pads[i]!, pads[i + spatial]!, attrs.ceilMode);
    checkPositiveOutput(o, i, n, k, where, `stride ${attrs.strides[i]}, pads ${pads[i]}+${pads[i + spatial]}`);
    return o;
  });
  return [{ dtype: 'float32', shape: [x.shape[0]!, x.shape[1]!, ...outSize] }];
}

/** The window attributes both pools take, in this order; strides default to the kernel (PyTorch). */
function normalizeWindow(attrs: Readonly<Record<string, unknown>>, spatial: 1 | 2, where: string): Pick<WindowAttrs, 'kernelSize' | 'strides' | 'pads'> {
  const kernelSize = intListAttr(attrs, 'kernelSize', spatial, undefined, where, 1);
  return {
    kernelSize,
    strides: intListAttr(attrs, 'strides', spatial, kernelSize, where, 1),
    pads: paddingAttr(attrs, 'pads', spatial, where),
  };
}

function makeMaxPool<K extends 'maxPool1d' | 'maxPool2d'>(type: K, spatial: 1 | 2): OpDef<K> {
  return {
    type,
    summary: `${spatial}-D max pooling; padding never wins (it is -Infinity)`,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize(attrs, where): MaxPoolAttrs {
      checkKnownAttributes(attrs, ['kernelSize', 'strides', 'pads', 'dilations', 'ceilMode'], where);
      return {
        ...normalizeWindow(attrs, spatial, where),
        dilations: intListAttr(attrs, 'dilations', spatial, 1, where, 1),
        ceilMode: boolAttr(attrs, 'ceilMode', false, where),
      };
    },
    infer([x], attrs: MaxPoolAttrs, where) {
      return inferWindowed(x!, attrs, attrs.dilations, spatial, where);
    },
  };
}

function makeAvgPool<K extends 'avgPool1d' | 'avgPool2d'>(type: K, spatial: 1 | 2): OpDef<K> {
  return {
    type,
    summary: `${spatial}-D average pooling (PyTorch's count_include_pad and ceil_mode semantics)`,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize(attrs, where): AvgPoolAttrs {
      checkKnownAttributes(attrs, ['kernelSize', 'strides', 'pads', 'ceilMode', 'countIncludePad'], where);
      return {
        ...normalizeWindow(attrs, spatial, where),
        ceilMode: boolAttr(attrs, 'ceilMode', false, where),
        countIncludePad: boolAttr(attrs, 'countIncludePad', true, where),
      };
    },
    infer([x], attrs: AvgPoolAttrs, where) {
      return inferWindowed(x!, attrs, new Array<number>(spatial).fill(1), spatial, where);
    },
  };
}

function makeGlobalPool<K extends 'globalAvgPool' | 'globalMaxPool'>(type: K, what: string): OpDef<K> {
  return {
    type,
    summary: `global ${what} pooling over every spatial axis; spatial axes are kept with size 1 (ONNX)`,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize: noAttrs,
    infer([x], _attrs, where) {
      expectRank(x!, 'x', [3, 4, 5], where, 'N, C, spatial...');
      return [{ dtype: 'float32', shape: [x!.shape[0]!, x!.shape[1]!, ...x!.shape.slice(2).map(() => 1)] }];
    },
  };
}

export const maxPool1dOp = makeMaxPool('maxPool1d', 1);
export const maxPool2dOp = makeMaxPool('maxPool2d', 2);
export const avgPool1dOp = makeAvgPool('avgPool1d', 1);
export const avgPool2dOp = makeAvgPool('avgPool2d', 2);
export const globalAvgPoolOp = makeGlobalPool('globalAvgPool', 'average');
export const globalMaxPoolOp = makeGlobalPool('globalMaxPool', 'max');
