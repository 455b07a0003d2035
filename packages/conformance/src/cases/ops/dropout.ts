import type { ConformanceCase } from '../../case';

export const dropoutCases: ConformanceCase[] = [];
