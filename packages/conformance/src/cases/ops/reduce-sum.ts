import type { ConformanceCase } from '../../case';

export const reduceSumCases: ConformanceCase[] = [];
