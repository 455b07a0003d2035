import { CnnkitError } from '../errors';

/** A dimension is a size, or a name for a size only known at run time (a symbolic batch, say). */
export type Dim = number | string;
export type Shape = readonly Dim[];
export type StaticShape = readonly number[];

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

export function isStaticShape(shape: Shape): shape is StaticShape {
  return shape.every((d) => typeof d === 'number');
}

export function sizeOf(shape: StaticShape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a static shape. */
export function stridesOf(shape: StaticShape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

export function assertValidShape(shape: Shape, where: string): void {
  for (const d of shape) {
    if (typeof d === 'string' ? d.length === 0 : !Number.isInteger(d) || d < 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: shape ${formatShape(shape)} has the invalid dimension ${JSON.stringify(d)}; expected non-negative integers or non-empty symbolic names`, { shape });
    }
  }
}

/** Normalises a possibly negative axis against a rank, naming the op when it is out of range. */
export function normalizeAxis(axis: number, rank: number, where: string): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) {
    throw new CnnkitError('INVALID_ATTRIBUTE', `${where}: axis ${axis} is out of range for rank ${rank}; expected an integer in [${-rank}, ${rank - 1}]`, { axis, rank });
  }
  return a;
}

/** NumPy / ONNX multidirectional broadcasting. */
export function broadcastShapes(a: Shape, b: Shape, where: string): Dim[] {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = new Array<Dim>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else if (typeof da === 'string' || typeof db === 'string') out[i] = typeof da === 'string' ? db : da;
    else {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast (dimension ${i - rank} is ${da} vs ${db}); expected equal sizes or 1`, { a, b });
    }
  }
  return out;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
