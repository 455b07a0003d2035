import type { ConformanceCase } from '../../case';

export const linearCases: ConformanceCase[] = [];
