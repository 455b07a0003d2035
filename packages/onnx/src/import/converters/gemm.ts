import { floatHost, type HostTensor } from '../host-tensor';
import { hostBinary, hostTranspose, withShape } from '../host-ops';
import type { NodeContext } from '../node-context';
import type { RuntimeValue } from '../values';

const scalar = (v: number): HostTensor => floatHost([], new Float32Array([v]));

/** beta * C as linear's bias [N]: only when C is a float constant that varies along the columns alone. */
function foldedBias(n: NodeContext, beta: number, outFeatures: number): RuntimeValue | undefined {
  if (!n.isConstant(2)) return undefined;
  const c = n.constant(2, 'C');
  const rowVector = c.kind === 'float' && c.shape.length >= 1 && c.shape.every((d, i) => (i === c.shape.length - 1 ? d === outFeatures : d === 1));
  if (!rowVector) return undefined;
  if (beta === 1 && c.shape.length === 1) return n.runtime(2); // the exporter's bias, under its own name
  const flat = withShape(c, [outFeatures]);
  return n.materialize(beta === 1 ? flat : hostBinary('mul', flat, scalar(beta), n.where), `${n.inputName(2)}_bias`);
}

/**
 * Gemm: Y = alpha * A' @ B' + beta * C. With a constant B and A not transposed it is core's
 * linear (weight [N, K] = B when transB, else B transposed on the host), with beta * C as its
 * bias when alpha is 1 and C is a constant row of N values: what exporters write for nn.Linear.
 * Any other form is matmul (transposes as needed), then mul by alpha, then add beta * C.
 */
export function convertGemm(n: NodeContext): void {
  n.attrs.expectOnly(['alpha', 'beta', 'transA', 'transB', 'broadcast']);
  const alpha = n.attrs.float('alpha', 1);
  const beta = n.attrs.float('beta', 1);
  const transA = n.attrs.flag('transA', false);
  const transB = n.attrs.flag('transB', false);
  const a = n.runtime(0);
  if (a.type.shape.length !== 2) throw n.error('SHAPE_MISMATCH', `input A has shape [${a.type.shape.join(', ')}]; expected a matrix [M, K]`);
  const useC = n.has(2) && beta !== 0;

  let product: () => RuntimeValue;
  let biasFolded = false;
  if (!transA && n.isConstant(1)) {
    const b = n.constant(1, 'B');
    if (b.kind !== 'float' || b.shape.length !== 2) throw n.error('SHAPE_MISMATCH', `input B is a ${b.kind} constant of shape [${b.shape.join(', ')}]; expected a float matrix`);
    const weight = transB ? n.runtime(1) : n.materialize(hostTranspose(b, [1, 0]), `${n.inputName(1)}_transposed`);
    const bias = useC && alpha === 1 ? foldedBias(n, beta, transB ? b.shape[0]! : b.shape[1]!) : undefined;
    biasFolded = bias !== undefined;
    product = () => n.emit('linear', bias ? [a, weight, bias] : [a, weight], {}, last(0));
  } else {
    product = () => {
      const a2 = transA ? n.emit('transpose', [a], { perm: [1, 0] }) : a;
      const b = n.runtime(1);
      const b2 = transB ? n.emit('transpose', [b], { perm: [1, 0] }) : b;
      return n.emit('matmul', [a2, b2], {}, last(0));
    };
  }
  // Steps: the product, * alpha, + beta * C; the last one present produces ONNX output 0.
  const steps = [true, alpha !== 1, useC && !biasFolded];
  function last(step: number): number | undefined {
    return steps.slice(step + 1).some(Boolean) ? undefined : 0;
  }
  let y = product();
  if (steps[1]) y = n.emit('mul', [y, n.materialize(scalar(alpha), 'alpha')], {}, last(1));
  if (steps[2]) {
    let c: RuntimeValue;
    if (n.isConstant(2)) {
      const ct = n.constant(2, 'C');
      c = beta === 1 ? n.runtime(2) : n.materialize(hostBinary('mul', ct, scalar(beta), n.where), `${n.inputName(2)}_scaled`);
    } else {
      c = n.runtime(2);
      if (beta !== 1) c = n.emit('mul', [c, n.materialize(scalar(beta), 'beta')], {});
    }
    n.emit('add', [y, c], {}, 0);
  }
}
