// nn: modules, layers, state dicts and fine-tuning helpers (Parameter is exported on its own).
export { ModuleBuffer, type ModuleBufferOptions } from './buffer';
export { Module, type StateHolder } from './module';
export { type NamePattern, nameMatcher } from './name-pattern';
export type { LoadStateDictOptions, LoadStateDictReport, StateMismatch, StateSignature } from './state-dict';
export * from './layers';
export * from './fine-tune';
