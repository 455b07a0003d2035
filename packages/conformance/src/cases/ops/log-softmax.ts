import type { ConformanceCase } from '../../case';

export const logSoftmaxCases: ConformanceCase[] = [];
