import type { ConformanceCase } from '../../case';

export const batchNormCases: ConformanceCase[] = [];
