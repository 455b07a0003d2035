import type { ConformanceCase } from '../../case';

export const transposeCases: ConformanceCase[] = [];
