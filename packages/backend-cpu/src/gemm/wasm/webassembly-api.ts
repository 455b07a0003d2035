/**
 * The slice of the WebAssembly JavaScript API this folder uses, typed here because the
 * project's libs (ES2022 + @types/node) declare no WebAssembly values. Read from globalThis so
 * an engine without WebAssembly yields undefined instead of a ReferenceError.
 */
export interface WasmMemory {
  /** A SharedArrayBuffer for a shared memory (growth then keeps the old one valid). */
  readonly buffer: ArrayBuffer;
  /** Adds `pages` 64 KiB pages; detaches the previous buffer. */
  grow(pages: number): number;
}

export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => WasmInstance;
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

export function webAssemblyApi(): WebAssemblyApi | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  return typeof api === 'object' && typeof api.validate === 'function' ? api : undefined;
}
