import type { Backend } from '@cnnkit/core';
import type { Tolerance } from './case';
import type { SkipOptions } from './skip';
import type { SuiteCase } from './suite-case';

/** What a backend package gives the suite; shared by runSuite and the vitest adapter. */
export interface SuiteOptions {
  /** Makes the backend under test; the suite disposes it when done. */
  readonly create: () => Backend | Promise<Backend>;
  /** The device the backend must really run on (`info().device`), e.g. 'cpu' or 'cuda'. */
  readonly expectDevice?: string;
  /** Loosens every compared case's tolerance (never tightens it): per component, the looser one wins. */
  readonly tolerance?: Partial<Tolerance>;
  /** Declared skips, each with a reason; an empty reason is an error. */
  readonly skip?: SkipOptions;
  /** The cases to run; ALL_CASES (forward, gradient, optimizer and training cases) when omitted. */
  readonly cases?: readonly SuiteCase[];
  /** Keeps only the cases it returns true for (filtered-out cases are not reported). */
  readonly filter?: (c: SuiteCase) => boolean;
}
