import { CnnkitError } from '@cnnkit/core';
import { ATTRIBUTE_TYPE, attributeTypeName } from '../proto/enums';
import type { AttributeProto, NodeProto, TensorProto } from '../proto/types';

const utf8 = new TextDecoder('utf-8');

/** Typed reads of one node's attributes; every error names the node, the attribute, what was given and what was expected. */
export class NodeAttributes {
  readonly #byName = new Map<string, AttributeProto>();
  readonly #where: string;

  constructor(node: NodeProto, where: string) {
    this.#where = where;
    for (const a of node.attribute) {
      if (a.refAttrName) throw new CnnkitError('UNSUPPORTED_OP', `${where}: attribute '${a.name}' refers to the function attribute '${a.refAttrName}'; expected a value (function bodies are not imported)`);
      this.#byName.set(a.name, a);
    }
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Rejects attributes the converter does not know, so no semantics is silently dropped. */
  expectOnly(known: readonly string[]): void {
    const unknown = [...this.#byName.keys()].filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      throw new CnnkitError('UNSUPPORTED_OP', `${this.#where}: has the attribute(s) ${unknown.map((u) => `'${u}'`).join(', ')}, which cnnkit does not import; expected only ${known.length ? known.map((k) => `'${k}'`).join(', ') : 'none'}`, { attributes: unknown });
    }
  }

  int(name: string, fallback: number): number;
  int(name: string, fallback?: number): number | undefined;
  int(name: string, fallback?: number): number | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.INT);
    return a ? a.i : fallback;
  }

  ints(name: string, fallback: readonly number[]): number[];
  ints(name: string, fallback?: readonly number[]): number[] | undefined;
  ints(name: string, fallback?: readonly number[]): number[] | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.INTS);
    return a ? [...a.ints] : fallback && [...fallback];
  }

  float(name: string, fallback: number): number;
  float(name: string, fallback?: number): number | undefined;
  float(name: string, fallback?: number): number | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.FLOAT);
    return a ? a.f : fallback;
  }

  floats(name: string): number[] | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.FLOATS);
    return a && [...a.floats];
  }

  string(name: string, fallback: string): string;
  string(name: string, fallback?: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.STRING);
    return a ? utf8.decode(a.s) : fallback;
  }

  tensor(name: string): TensorProto | undefined {
    const a = this.#get(name, ATTRIBUTE_TYPE.TENSOR);
    if (a && !a.t) throw new CnnkitError('IO', `${this.#where}: attribute '${name}' is a TENSOR without a value`);
    return a?.t;
  }

  /** A boolean stored as an INT 0 / 1. */
  flag(name: string, fallback: boolean): boolean {
    const v = this.int(name);
    if (v === undefined) return fallback;
    if (v !== 0 && v !== 1) throw new CnnkitError('INVALID_ATTRIBUTE', `${this.#where}: attribute '${name}' is ${v}; expected 0 or 1`, { attribute: name });
    return v === 1;
  }

  #get(name: string, type: number): AttributeProto | undefined {
    const a = this.#byName.get(name);
    // Type 0 (UNDEFINED) comes from old writers that left the field out: trust the reader.
    if (a && a.type !== type && a.type !== ATTRIBUTE_TYPE.UNDEFINED) {
      throw new CnnkitError('INVALID_ATTRIBUTE', `${this.#where}: attribute '${name}' is ${attributeTypeName(a.type)}; expected ${attributeTypeName(type)}`, { attribute: name });
    }
    return a;
  }
}
