export * from './case';
export { ALL_CASES, MODEL_CASES, MODEL_TRAINING_CASES, OP_CASES } from './cases';
export { type ModelCase, type ModelCaseInput, modelCaseInput, opsProblem, runModelCase, withModelCaseGraph } from './models/model-case';
export { type ModelGoldenEntry, type ModelGoldenFile, modelGoldenCases } from './cases/models';
export { compareTensors } from './compare';
export { type CaseResult, type CaseStatus, effectiveTolerance, runCase } from './run-case';
export { checkDevice } from './device-check';
export { type SkipOptions, skipReason, validateSkips } from './skip';
export { type CaseKind, type MatrixSection, type SuiteCase, caseDtypes, caseKind, caseSubject, matrixSection, needsTraining, requiredOps } from './suite-case';
export { type SuiteCaseResult, runSuiteCase } from './run-suite-case';
export type { CaseOutcome } from './case-outcome';
export { gradientKernels } from './training/gradient-kernels';
export { type ModelTrainingCase, lossCurveProblem } from './training/model-training-case';
export { runModelTrainingCase } from './training/run-model-training-case';
export { withEagerBackend } from './training/eager-backend';
export { type PlannedCase, planCases } from './plan';
export { type Counts, MODEL_SUBJECTS, type OpRow, REPORT_FORMAT, type SubjectRow, type SuiteReport, type SuiteTotals, TRAINING_SUBJECTS, buildReport } from './report';
export type { SuiteOptions } from './suite-options';
export { runSuite } from './run-suite';
export { reportToMarkdown } from './report-markdown';
export { reportToJson } from './report-json';
export { type WrittenReport, writeReport } from './write-report';
// runConformance lives in '@cnnkit/conformance/vitest' so that importing this entry never loads vitest.
export {
  FINITE_DIFFERENCE_STEP, FINITE_DIFFERENCE_TOLERANCE, type FiniteDifferenceCaseSpec, type GradientCase, type GradientGoldenFile, type GradientSource,
  PYTORCH_GRADIENT_TOLERANCE, finiteDifferenceCase, gradientGoldens, uniformValues,
} from './training/gradient-case';
export { runGradientCase } from './training/run-gradient-case';
export { GRADIENT_CASES, GRADIENT_CASES_BY_OP } from './cases/gradients';
export { OPTIMIZER_TOLERANCE, type OptimizerCase, type OptimizerGoldenFile, type OptimizerName, type OptimizerSubject, optimizerGoldens, runOptimizerCase } from './training/optimizer-case';
export { OPTIMIZER_CASES } from './cases/optimizers';
export { type CombinedColumn, type CombinedOptions, combinedCoverageMarkdown } from './combined/combined-markdown';
export { parseSuiteReport } from './combined/parse-report';
