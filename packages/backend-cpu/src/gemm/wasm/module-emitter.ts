import { CnnkitError } from '@cnnkit/core';
import { unsignedLeb128 } from './leb128';
import { ExportKind, SectionId, type ValueType } from './opcodes';

/** One function of an emitted module, exported under `name`. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly ValueType[];
  readonly results: readonly ValueType[];
  /** Locals beyond the parameters, in index order (they follow the parameters). */
  readonly locals: readonly ValueType[];
  /** The instructions, without the final `end` (the emitter adds it). */
  readonly code: readonly number[];
}

export interface WasmModuleSpec {
  readonly functions: readonly WasmFunction[];
  /** A linear memory the module defines and exports, sized in 64 KiB pages. */
  readonly memory?: { readonly name: string; readonly minPages: number };
  /**
   * A linear memory the module imports instead (as `module`.`name`), shared between threads when
   * `shared` (limits flag 0x03: a maximum, and the shared bit; a shared memory must declare its
   * maximum). The functions address it exactly as a defined memory: it is memory 0 either way.
   */
  readonly importedMemory?: {
    readonly module: string; readonly name: string;
    readonly minPages: number; readonly maxPages: number; readonly shared: boolean;
  };
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const VERSION = [0x01, 0x00, 0x00, 0x00];
const FUNCTION_TYPE = 0x60;
const END = 0x0b;
const LIMITS_MIN_ONLY = 0x00;
const LIMITS_MIN_MAX = 0x01;
const LIMITS_MIN_MAX_SHARED = 0x03;

/**
 * Serialises a module in the binary format: the magic and version, then the type, import,
 * function, memory, export and code sections in the order the spec requires. Each function gets its own
 * type entry (duplicates are legal and these modules have a handful of functions).
 */
export function emitModule(spec: WasmModuleSpec): Uint8Array {
  const types = vector(spec.functions.map((f) => [FUNCTION_TYPE, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]));
  const functionTypes = vector(spec.functions.map((_, i) => unsignedLeb128(i)));
  const exports = spec.functions.map((f, i) => [...name(f.name), ExportKind.function, ...unsignedLeb128(i)]);
  if (spec.memory && spec.importedMemory) {
    throw new CnnkitError('INVALID_ARGUMENT', `a wasm module was given both a defined memory '${spec.memory.name}' and an imported one '${spec.importedMemory.module}.${spec.importedMemory.name}'; expected at most one (memory 0)`, {});
  }
  const sections = [section(SectionId.type, types)];
  if (spec.importedMemory) {
    const m = spec.importedMemory;
    const limits = [m.shared ? LIMITS_MIN_MAX_SHARED : LIMITS_MIN_MAX, ...unsignedLeb128(m.minPages), ...unsignedLeb128(m.maxPages)];
    sections.push(section(SectionId.import, vector([[...name(m.module), ...name(m.name), ExportKind.memory, ...limits]])));
  }
  sections.push(section(SectionId.function, functionTypes));
  if (spec.memory) {
    sections.push(section(SectionId.memory, vector([[LIMITS_MIN_ONLY, ...unsignedLeb128(spec.memory.minPages)]])));
    exports.push([...name(spec.memory.name), ExportKind.memory, ...unsignedLeb128(0)]);
  }
  sections.push(section(SectionId.export, vector(exports)));
  sections.push(section(SectionId.code, vector(spec.functions.map(functionBody))));
  return Uint8Array.from([...MAGIC, ...VERSION, ...sections.flat()]);
}

/** A code-section entry: its byte size, the locals as runs of one type, the code and `end`. */
function functionBody(f: WasmFunction): number[] {
  const runs: number[][] = [];
  for (let i = 0; i < f.locals.length;) {
    let j = i;
    while (j < f.locals.length && f.locals[j] === f.locals[i]) j++;
    runs.push([...unsignedLeb128(j - i), f.locals[i]!]);
    i = j;
  }
  const body = [...vector(runs), ...f.code, END];
  return [...unsignedLeb128(body.length), ...body];
}

function section(id: number, contents: number[]): number[] {
  return [id, ...unsignedLeb128(contents.length), ...contents];
}

/** A vector: its element count, then the elements' bytes. */
function vector(elements: readonly number[][]): number[] {
  return [...unsignedLeb128(elements.length), ...elements.flat()];
}

function name(text: string): number[] {
  const utf8 = new TextEncoder().encode(text);
  return [...unsignedLeb128(utf8.length), ...utf8];
}
