import type { ConformanceCase } from '../../case';

export const reluCases: ConformanceCase[] = [];
