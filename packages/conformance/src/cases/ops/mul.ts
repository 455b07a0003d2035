import type { ConformanceCase } from '../../case';

export const mulCases: ConformanceCase[] = [];
