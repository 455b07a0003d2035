export { accuracy, argmaxRows, topKAccuracy } from './accuracy';
export { type ConfusionMatrix, addConfusion, confusionMatrix } from './confusion-matrix';
export { type AveragedScores, type ClassificationReport, classificationReport } from './precision-recall-f1';
export { type Metric, type MetricName, createMetric, topKAccuracyMetric } from './streaming';
export { accuracyOf, confusionMatrixOf, topKAccuracyOf } from './tensor-metrics';
