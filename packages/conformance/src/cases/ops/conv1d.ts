import type { ConformanceCase } from '../../case';

export const conv1dCases: ConformanceCase[] = [];
