import type { ConformanceCase } from '../../case';

export const flattenCases: ConformanceCase[] = [];
