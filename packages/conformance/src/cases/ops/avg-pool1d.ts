import type { ConformanceCase } from '../../case';

export const avgPool1dCases: ConformanceCase[] = [];
