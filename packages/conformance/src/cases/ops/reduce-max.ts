import type { ConformanceCase } from '../../case';

export const reduceMaxCases: ConformanceCase[] = [];
