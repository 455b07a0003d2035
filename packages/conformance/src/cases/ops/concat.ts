import type { ConformanceCase } from '../../case';

export const concatCases: ConformanceCase[] = [];
