export * from './case';
export { ALL_CASES, OP_CASES } from './cases';
export { compareTensors } from './compare';
export { type CaseResult, type CaseStatus, effectiveTolerance, runCase } from './run-case';
