import type { ConformanceCase } from '../../case';

export const reshapeCases: ConformanceCase[] = [];
