import type { ConformanceCase } from '../../case';

export const tanhCases: ConformanceCase[] = [];
