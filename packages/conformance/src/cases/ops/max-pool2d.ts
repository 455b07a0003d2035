import type { ConformanceCase } from '../../case';

export const maxPool2dCases: ConformanceCase[] = [];
