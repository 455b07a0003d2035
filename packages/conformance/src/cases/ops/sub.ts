import type { ConformanceCase } from '../../case';

export const subCases: ConformanceCase[] = [];
