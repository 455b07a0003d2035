import type { ConformanceCase } from '../../case';

export const divCases: ConformanceCase[] = [];
