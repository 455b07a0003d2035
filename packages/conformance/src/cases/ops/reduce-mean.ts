import type { ConformanceCase } from '../../case';

export const reduceMeanCases: ConformanceCase[] = [];
