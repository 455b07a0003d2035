export * from './case';
export { ALL_CASES, OP_CASES } from './cases';
