import type { ConformanceCase } from '../../case';

export const maxPool1dCases: ConformanceCase[] = [];
