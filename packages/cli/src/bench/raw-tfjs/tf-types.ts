/**
 * The slice of @tensorflow/tfjs-core's API the raw-tfjs models use. The CLI does not depend on
 * tfjs-core itself (it is @cnnkit/backend-tfjs's dependency, loaded from there at run time so both
 * share one engine), so its types are written out here, structurally.
 */
export interface TfTensor {
  readonly shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}

export type TfPad = 'valid' | 'same' | number;
export type TfActivation = 'linear' | 'relu';

export interface Tf {
  readonly version_core: string;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  memory(): { numTensors: number };
  tidy<T extends TfTensor>(fn: () => T): T;
  tensor(values: Float32Array | Int32Array, shape: number[], dtype?: 'float32' | 'int32'): TfTensor;
  randomNormal(shape: number[], mean?: number, stdDev?: number, dtype?: 'float32', seed?: number): TfTensor;
  zeros(shape: number[]): TfTensor;
  conv1d(x: TfTensor, filter: TfTensor, stride: number, pad: TfPad): TfTensor;
  maxPool(x: TfTensor, filterSize: number, strides: number, pad: TfPad, dimRoundingMode?: 'floor'): TfTensor;
  add(a: TfTensor, b: TfTensor): TfTensor;
  relu(x: TfTensor): TfTensor;
  mean(x: TfTensor, axis: number | number[]): TfTensor;
  max(x: TfTensor, axis: number | number[]): TfTensor;
  reshape(x: TfTensor, shape: number[]): TfTensor;
  gather(x: TfTensor, indices: TfTensor, axis?: number): TfTensor;
  concat(tensors: TfTensor[], axis: number): TfTensor;
  readonly fused: {
    conv2d(args: { x: TfTensor; filter: TfTensor; strides: number; pad: TfPad; bias?: TfTensor; activation?: TfActivation }): TfTensor;
    matMul(args: { a: TfTensor; b: TfTensor; bias?: TfTensor; activation?: TfActivation }): TfTensor;
  };
}

/** A model written directly in tfjs ops (NHWC inside), with its own random weights. */
export interface RawTfjsModel {
  /** Input of a batch: NHWC images [N, H, W, C], or [N, L] int32 token ids. */
  inputShape(batch: number): number[];
  readonly inputDtype: 'float32' | 'int32';
  /** Forward pass; call inside tf.tidy. */
  forward(x: TfTensor): TfTensor;
  dispose(): void;
}
