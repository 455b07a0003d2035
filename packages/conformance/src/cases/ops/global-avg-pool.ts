import type { ConformanceCase } from '../../case';

export const globalAvgPoolCases: ConformanceCase[] = [];
