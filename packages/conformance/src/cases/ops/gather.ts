import type { ConformanceCase } from '../../case';

export const gatherCases: ConformanceCase[] = [];
