import { loadMnist } from '@cnnkit/datasets';
import { type BackendCandidate, openCandidate } from '../compare/installed-backends';
import { type TrainingThroughput, benchLenetTraining } from './training';

/** What one LeNet-5 training measurement is asked for: the backend (as `cnnkit bench` opened it) and its budget. */
export interface TrainingRequest {
  readonly candidate: BackendCandidate;
  /** At most this many timed steps of batch 64. */
  readonly steps: number;
  /** About this many seconds of timed steps. */
  readonly seconds: number;
}

/**
 * Opens the request's backend, loads MNIST's training images and measures LeNet-5 training
 * (benchLenetTraining); the backend is disposed afterwards. Rejects with the reason when the
 * backend cannot be opened here.
 */
export async function measureTraining(request: TrainingRequest, resolveFrom: readonly string[] = [import.meta.url]): Promise<TrainingThroughput> {
  const opened = await openCandidate(request.candidate, resolveFrom);
  if (!('backend' in opened)) throw new Error(`backend ${request.candidate.label}: ${opened.missing}`);
  try {
    return await benchLenetTraining(opened.backend, await loadMnist('train'), request.steps, request.seconds);
  } finally {
    await opened.backend.dispose?.();
  }
}
