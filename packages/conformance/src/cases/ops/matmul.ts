import type { ConformanceCase } from '../../case';

export const matmulCases: ConformanceCase[] = [];
