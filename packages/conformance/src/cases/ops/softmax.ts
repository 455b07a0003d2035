import type { ConformanceCase } from '../../case';

export const softmaxCases: ConformanceCase[] = [];
