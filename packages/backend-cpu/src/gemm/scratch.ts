/**
 * Module-level packing buffers, grown on demand and reused by every call, so a GEMM allocates
 * nothing once the largest block size has been seen. gemm is synchronous and not re-entrant, so
 * one pair per module instance (per worker thread) is enough.
 */
let packedA = new Float32Array(0);
let packedB = new Float32Array(0);

export function packedABuffer(size: number): Float32Array {
  if (packedA.length < size) packedA = new Float32Array(size);
  return packedA;
}

export function packedBBuffer(size: number): Float32Array {
  if (packedB.length < size) packedB = new Float32Array(size);
  return packedB;
}
