import type { ConformanceCase } from '../../case';

export const addCases: ConformanceCase[] = [];
