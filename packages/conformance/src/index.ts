export * from './case';
export { ALL_CASES, OP_CASES } from './cases';
export { compareTensors } from './compare';
export { type CaseResult, type CaseStatus, effectiveTolerance, runCase } from './run-case';
export { checkDevice } from './device-check';
export { type SkipOptions, caseDtypes, skipReason, validateSkips } from './skip';
export { type PlannedCase, planCases } from './plan';
export { type OpRow, REPORT_FORMAT, type SuiteReport, type SuiteTotals, buildReport } from './report';
export type { SuiteOptions } from './suite-options';
export { runSuite } from './run-suite';
export { reportToMarkdown } from './report-markdown';
export { reportToJson } from './report-json';
export { type WrittenReport, writeReport } from './write-report';
// runConformance lives in '@cnnkit/conformance/vitest' so that importing this entry never loads vitest.
export { writeFileAtomic } from './atomic-write';
export {
  FINITE_DIFFERENCE_STEP, FINITE_DIFFERENCE_TOLERANCE, type FiniteDifferenceCaseSpec, type GradientCase, type GradientGoldenFile, type GradientSource,
  PYTORCH_GRADIENT_TOLERANCE, finiteDifferenceCase, gradientGoldens, uniformValues,
} from './training/gradient-case';
export { runGradientCase } from './training/run-gradient-case';
export { GRADIENT_CASES, GRADIENT_CASES_BY_OP } from './cases/gradients';
