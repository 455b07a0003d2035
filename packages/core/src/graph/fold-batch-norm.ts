import type { TensorValue } from '../tensor/tensor';
import type { AnyGraphNode, Graph, ValidatedGraph } from './graph';
import { valueUses } from './value-uses';

/** What a fold did, for callers (and tests) that want to know. */
export interface FoldBatchNormResult {
  readonly graph: Graph;
  /** The batchNorm nodes folded away, each with the convolution that absorbed it. */
  readonly folded: readonly { readonly conv: string; readonly batchNorm: string }[];
}

const CONVOLUTIONS = new Set(['conv1d', 'conv2d']);

/**
 * Folds every inference batchNorm that directly follows a convolution into that convolution's
 * weight and bias, as torch.onnx.export does in eval mode (exportOnnx's foldBatchNorm option and
 * the cpu backend's compile both use it): with s = scale / sqrt(var + epsilon),
 * W'[o] = W[o] · s[o] and b'[o] = (b[o] − mean[o]) · s[o] + bias[o]. The arithmetic is done in
 * float64 and rounded once to float32, so the folded graph equals the unfolded one to float32
 * rounding (the order of operations differs, not the maths). A pair is folded only when nothing
 * else can observe the difference: the convolution's output feeds the batchNorm alone and is not
 * a graph output, and the weight, the bias and the four statistics are initializers (a value fed
 * at run time cannot be folded at export). Folded weights get new names (`<weight>/bn_folded`),
 * since the original may be shared with another node; originals nothing uses any more are dropped.
 */
export function foldBatchNorm(graph: ValidatedGraph): FoldBatchNormResult {
  const { producer, readers: consumers } = valueUses(graph);
  const graphOutputs = new Set(graph.outputs);
  const inits = graph.initializers;
  const isInit = (name: string | undefined): name is string => name !== undefined && inits[name] !== undefined;
  const taken = new Set<string>([...graph.types.keys(), ...Object.keys(inits)]);
  const unique = (base: string): string => {
    let name = base;
    for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };

  const initializers: Record<string, TensorValue> = { ...inits };
  /** Convolution node name → its replacement; batchNorm names to drop. */
  const replaced = new Map<string, AnyGraphNode>();
  const dropped = new Set<string>();
  const folded: { conv: string; batchNorm: string }[] = [];
  for (const bn of graph.nodes) {
    if (bn.op !== 'batchNorm') continue;
    const [x, scale, shift, mean, variance] = bn.inputs;
    const conv = x === undefined ? undefined : producer.get(x);
    if (!conv || !CONVOLUTIONS.has(conv.op) || consumers.get(x!) !== 1 || graphOutputs.has(x!)) continue;
    const [convX, w, b] = conv.inputs;
    if (!isInit(w) || (b !== undefined && !isInit(b)) || ![scale, shift, mean, variance].every(isInit)) continue;
    const weight = inits[w]!;
    const bias = b === undefined ? undefined : inits[b]!;
    if (weight.dtype !== 'float32' || (bias !== undefined && bias.dtype !== 'float32')) continue;

    const channels = weight.shape[0]!;
    const perChannel = weight.data.length / channels;
    const [g, beta, mu, v] = [scale!, shift!, mean!, variance!].map((n) => inits[n]!.data);
    const { epsilon } = bn.attrs as { readonly epsilon: number };
    const newWeight = new Float32Array(weight.data.length);
    const newBias = new Float32Array(channels);
    for (let o = 0; o < channels; o++) {
      const s = g![o]! / Math.sqrt(v![o]! + epsilon);
      for (let k = o * perChannel; k < (o + 1) * perChannel; k++) newWeight[k] = weight.data[k]! * s;
      newBias[o] = ((bias?.data[o] ?? 0) - mu![o]!) * s + beta![o]!;
    }
    const wName = unique(`${w}/bn_folded`);
    const bName = unique(`${b ?? `${conv.name}.bias`}/bn_folded`);
    initializers[wName] = { dtype: 'float32', shape: weight.shape, data: newWeight };
    initializers[bName] = { dtype: 'float32', shape: [channels], data: newBias };
    replaced.set(conv.name, { ...conv, inputs: [convX!, wName, bName], outputs: bn.outputs } as AnyGraphNode);
    dropped.add(bn.name);
    folded.push({ conv: conv.name, batchNorm: bn.name });
  }

  const nodes = graph.nodes.filter((n) => !dropped.has(n.name)).map((n) => replaced.get(n.name) ?? (n as AnyGraphNode));
  // Only what folding orphaned goes: an initializer no node used before stays as the caller had it.
  const usedBefore = new Set(graph.nodes.flatMap((n) => n.inputs));
  const used = new Set(nodes.flatMap((n) => n.inputs));
  for (const name of Object.keys(initializers)) {
    if (usedBefore.has(name) && !used.has(name) && !graphOutputs.has(name)) delete initializers[name];
  }
  return { graph: { name: graph.name, inputs: graph.inputs, outputs: graph.outputs, initializers, nodes }, folded };
}
