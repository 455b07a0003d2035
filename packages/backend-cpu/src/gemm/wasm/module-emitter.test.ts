import { describe, expect, it } from 'vitest';
import { CodeWriter } from './code-writer';
import { SHARED_MEMORY_MAX_PAGES, emitGemmModule, emitSharedGemmModule } from './gemm-module';
import { unsignedLeb128 } from './leb128';
import { emitModule } from './module-emitter';
import { ValueType } from './opcodes';
import { webAssemblyApi } from './webassembly-api';

const api = webAssemblyApi()!;

function instantiate(bytes: Uint8Array): Readonly<Record<string, unknown>> {
  return new api.Instance(new api.Module(bytes), {}).exports;
}

describe('wasm module emitter', () => {
  it('emits the textbook add module byte for byte', () => {
    const { i32 } = ValueType;
    const bytes = emitModule({
      functions: [{ name: 'add', params: [i32, i32], results: [i32], locals: [], code: new CodeWriter().localGet(0).localGet(1).i32Add().code }],
    });
    // Assembled by hand from the binary-format spec.
    expect([...bytes]).toEqual([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
      0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // type section: (i32, i32) -> i32
      0x03, 0x02, 0x01, 0x00, // function section: function 0 has type 0
      0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, // export section: "add" = function 0
      0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b, // code: no locals, get 0, get 1, add, end
    ]);
    const add = instantiate(bytes).add as (x: number, y: number) => number;
    expect(add(2, 40)).toBe(42);
  });

  it('runs f32x4 splat, mul, add and extract_lane with declared v128 locals', () => {
    const { f32, v128 } = ValueType;
    // (x, y, z) -> lane 2 of (splat x · splat y + splat z), through a v128 local.
    const code = new CodeWriter()
      .localGet(0).f32x4Splat().localGet(1).f32x4Splat().f32x4Mul().localSet(3)
      .localGet(3).localGet(2).f32x4Splat().f32x4Add().f32x4ExtractLane(2).code;
    const bytes = emitModule({ functions: [{ name: 'fma', params: [f32, f32, f32], results: [f32], locals: [v128], code }] });
    expect(api.validate(bytes)).toBe(true);
    const fma = instantiate(bytes).fma as (x: number, y: number, z: number) => number;
    expect(fma(1.5, -4, 0.25)).toBe(-5.75);
    // Two roundings in float32: 0.1·0.2 rounds, then + 0.3 rounds.
    expect(fma(0.1, 0.2, 0.3)).toBe(Math.fround(Math.fround(Math.fround(0.1) * Math.fround(0.2)) + Math.fround(0.3)));
  });

  it('exports a growable memory that v128 and splat loads and stores address in bytes', () => {
    const { i32 } = ValueType;
    // copy(src, dst): dst[0..4) = src[0..4); dst[4..8) = splat(src[1]).
    const code = new CodeWriter()
      .localGet(1).localGet(0).v128Load(0).v128Store(0)
      .localGet(1).localGet(0).v128Load32Splat(4).v128Store(16).code;
    const exports = instantiate(emitModule({ functions: [{ name: 'copy', params: [i32, i32], results: [], locals: [], code }], memory: { name: 'mem', minPages: 1 } }));
    const memory = exports.mem as { buffer: ArrayBuffer; grow(pages: number): number };
    expect(memory.buffer.byteLength).toBe(65536);
    expect(memory.grow(2)).toBe(1);
    const heap = new Float32Array(memory.buffer); // re-taken: growth detached the old buffer
    heap.set([1, 2, 3, 4], 40000);
    (exports.copy as (src: number, dst: number) => void)(40000 * 4, 45000 * 4);
    expect([...heap.subarray(45000, 45008)]).toEqual([1, 2, 3, 4, 2, 2, 2, 2]);
  });

  it('emits a GEMM module that validates, and validation is what rejects a broken one', () => {
    const bytes = emitGemmModule();
    expect(api.validate(bytes)).toBe(true);
    const exports = instantiate(bytes);
    for (const name of ['macroKernel', 'macroKernelOverwrite', 'packCopyA', 'packGatherA', 'packCopyB', 'packGatherB']) expect(typeof exports[name]).toBe('function');
    // Changing the first f32x4.mul (0xFD 0xE6 0x01) into an unassigned SIMD opcode must fail validation.
    const broken = Uint8Array.from(bytes);
    const at = broken.findIndex((byte, i) => byte === 0xfd && broken[i + 1] === 0xe6 && broken[i + 2] === 0x01);
    expect(at).toBeGreaterThan(0);
    broken[at + 1] = 0xff;
    broken[at + 2] = 0x01;
    expect(api.validate(broken)).toBe(false);
  });

  it('emits the shared GEMM module importing env.memory with the shared limits flag 0x03, which only a shared memory satisfies', () => {
    const bytes = emitSharedGemmModule();
    expect(api.validate(bytes)).toBe(true);
    // Import entry: "env" "memory", kind memory (0x02), limits flag 0x03, min 1 page, max pages.
    const entry = [0x03, 0x65, 0x6e, 0x76, 0x06, ...new TextEncoder().encode('memory'), 0x02, 0x03, 0x01, ...unsignedLeb128(SHARED_MEMORY_MAX_PAGES)];
    expect(bytes[8]).toBe(1); // the type section comes first,
    // then the import section, after the type section's LEB128 size and contents.
    let typeSize = 0, sizeBytes = 0;
    do typeSize += (bytes[9 + sizeBytes]! & 0x7f) * 128 ** sizeBytes; while (bytes[9 + sizeBytes++]! & 0x80);
    const importAt = 9 + sizeBytes + typeSize;
    expect(bytes[importAt]).toBe(2);
    expect([...bytes.subarray(importAt + 3, importAt + 3 + entry.length)]).toEqual(entry);
    const shared = new api.Memory({ initial: 1, maximum: SHARED_MEMORY_MAX_PAGES, shared: true });
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(typeof new api.Instance(new api.Module(bytes), { env: { memory: shared } }).exports.macroKernel).toBe('function');
    expect(() => new api.Instance(new api.Module(bytes), { env: { memory: new api.Memory({ initial: 1, maximum: SHARED_MEMORY_MAX_PAGES }) } })).toThrow();
  });
});
