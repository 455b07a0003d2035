import type { ConformanceCase } from '../../case';

export const leakyReluCases: ConformanceCase[] = [];
