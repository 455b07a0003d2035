import type { ConformanceCase } from '../../case';

export const sigmoidCases: ConformanceCase[] = [];
