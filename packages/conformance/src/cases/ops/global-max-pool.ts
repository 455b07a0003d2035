import type { ConformanceCase } from '../../case';

export const globalMaxPoolCases: ConformanceCase[] = [];
