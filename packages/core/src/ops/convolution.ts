import { formatShape } from '../tensor/shape';
import type { ConvAttrs } from './attributes';
import { checkKnownAttributes, enumAttr, intAttr, intListAttr, paddingAttr } from './attribute-checks';
import type { OpDef, TensorType } from './op-def';
import { dimsCompatible, expectRank, shapeError, staticDim } from './shape-checks';
import { checkPositiveOutput, convOutputSize, resolvePads } from './spatial';

const CONV_ATTRS = ['strides', 'pads', 'dilations', 'groups', 'paddingMode'];

export function normalizeConvAttrs(attrs: Readonly<Record<string, unknown>>, spatial: number, where: string, extra: readonly string[] = []): ConvAttrs {
  checkKnownAttributes(attrs, [...CONV_ATTRS, ...extra], where);
  return {
    strides: intListAttr(attrs, 'strides', spatial, 1, where, 1),
    pads: paddingAttr(attrs, 'pads', spatial, where),
    dilations: intListAttr(attrs, 'dilations', spatial, 1, where, 1),
    groups: intAttr(attrs, 'groups', 1, where, 1),
    paddingMode: enumAttr(attrs, 'paddingMode', ['zeros', 'circular'], 'zeros', where),
  };
}

function makeConv<K extends 'conv1d' | 'conv2d'>(type: K, spatial: 1 | 2): OpDef<K> {
  const layout = spatial === 1 ? 'N, C, L' : 'N, C, H, W';
  const weightLayout = spatial === 1 ? 'O, C/groups, K' : 'O, C/groups, kH, kW';
  return {
    type,
    summary: `${spatial}-D convolution (cross-correlation) over ${layout} input with ${weightLayout} weights and optional bias`,
    inputs: [
      { name: 'x', dtypes: ['float32'] },
      { name: 'weight', dtypes: ['float32'] },
      { name: 'bias', dtypes: ['float32'], optional: true },
    ],
    outputs: ['y'],
    normalize: (attrs, where) => normalizeConvAttrs(attrs, spatial, where),
    infer([x, w, b]: readonly TensorType[], attrs: ConvAttrs, where): TensorType[] {
      expectRank(x!, 'x', spatial + 2, where, layout);
      expectRank(w!, 'weight', spatial + 2, where, weightLayout);
      const outChannels = staticDim(w!.shape, 0, 'weight', where);
      const inPerGroup = staticDim(w!.shape, 1, 'weight', where);
      const inChannels = staticDim(x!.shape, 1, 'x', where);
      const g = attrs.groups;
      if (inChannels % g !== 0 || outChannels % g !== 0) {
        throw shapeError(where, `groups ${g} must divide both input channels ${inChannels} (x ${formatShape(x!.shape)}) and output channels ${outChannels} (weight ${formatShape(w!.shape)})`);
      }
      if (inChannels / g !== inPerGroup) {
        throw shapeError(where, `x ${formatShape(x!.shape)} has ${inChannels} channels, so with groups ${g} weight ${formatShape(w!.shape)} should have ${inChannels / g} input channels per group at axis 1; it has ${inPerGroup}`, { x: x!.shape, weight: w!.shape });
      }
      if (b) {
        expectRank(b, 'bias', 1, where, 'O');
        if (!dimsCompatible(b.shape[0]!, outChannels)) throw shapeError(where, `bias has shape ${formatShape(b.shape)}; expected [${outChannels}] to match weight ${formatShape(w!.shape)}`);
      }
      const inSize = Array.from({ length: spatial }, (_, i) => staticDim(x!.shape, i + 2, 'x', where));
      const kernel = Array.from({ length: spatial }, (_, i) => staticDim(w!.shape, i + 2, 'weight', where));
      const pads = resolvePads(attrs.pads, inSize, kernel, attrs.strides, attrs.dilations);
      if (attrs.paddingMode === 'circular') {
        pads.forEach((p, i) => {
          if (p > inSize[i % spatial]!) throw shapeError(where, `circular padding ${p} on spatial axis ${i % spatial} exceeds its size ${inSize[i % spatial]}; expected pads <= input size`);
        });
      }
      const outSize = inSize.map((n, i) => {
        const o = convOutputSize(n, kernel[i]!, attrs.strides[i]!, attrs.dilations[i]!, pads[i]!, pads[i + spatial]!);
        checkPositiveOutput(o, i, n, kernel[i]!, where, `stride ${attrs.strides[i]}, dilation ${attrs.dilations[i]}, pads ${pads[i]}+${pads[i + spatial]}`);
        return o;
      });
      return [{ dtype: 'float32', shape: [x!.shape[0]!, outChannels, ...outSize] }];
    },
  };
}

export const conv1dOp = makeConv('conv1d', 1);
export const conv2dOp = makeConv('conv2d', 2);
