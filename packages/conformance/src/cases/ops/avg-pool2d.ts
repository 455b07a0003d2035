import type { ConformanceCase } from '../../case';

export const avgPool2dCases: ConformanceCase[] = [];
