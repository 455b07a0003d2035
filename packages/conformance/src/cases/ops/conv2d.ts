import type { ConformanceCase } from '../../case';

export const conv2dCases: ConformanceCase[] = [];
