import { createRequire } from 'node:module';
import path from 'node:path';
import ort from 'onnxruntime-node';

export { ort };
export type OrtSession = ort.InferenceSession;
export type OrtTensor = ort.Tensor;

/** The onnxruntime-node version really loaded (not the one package.json asked for). */
export function ortVersion(): string {
  return ort.env.versions.node ?? ort.env.versions.common ?? 'unknown';
}

/**
 * The folder holding onnxruntime-node's native binding and libonnxruntime: where ORT looks for
 * its provider libraries (libonnxruntime_providers_cuda.so and friends, which only the
 * `ONNXRUNTIME_NODE_INSTALL=cuda12` install puts there).
 */
export function ortBinaryDir(): string {
  const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json');
  return path.join(path.dirname(pkg), 'bin', 'napi-v6', process.platform, process.arch);
}
