import type { ConformanceCase } from '../../case';

export const argMaxCases: ConformanceCase[] = [];
