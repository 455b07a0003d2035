import { CnnkitError } from '../../errors';
import type { EpochLogs } from '../checkpoint';

export type MonitorMode = 'min' | 'max' | 'auto';

/** 'auto': larger is better for accuracies and F1, smaller for everything else (losses). */
export function resolveMode(monitor: string, mode: MonitorMode, where: string): 'min' | 'max' {
  if (mode === 'min' || mode === 'max') return mode;
  if (mode !== 'auto') throw new CnnkitError('INVALID_ARGUMENT', `${where}: mode ${JSON.stringify(mode)} is not known; expected 'min', 'max' or 'auto'`);
  return /acc|f1|precision|recall/.test(monitor) ? 'max' : 'min';
}

/** current beats best by more than minDelta (NaN never does). */
export function improves(current: number, best: number, mode: 'min' | 'max', minDelta: number): boolean {
  return mode === 'min' ? current < best - minDelta : current > best + minDelta;
}

/** The monitored value from an epoch's logs, or an error naming what the logs hold. */
export function monitored(logs: EpochLogs, monitor: string, where: string): number {
  const value = logs[monitor];
  if (typeof value !== 'number') {
    const keys = Object.keys(logs).filter((k) => k !== 'epoch');
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: monitor '${monitor}' is not in the epoch logs; expected one of ${keys.map((k) => `'${k}'`).join(', ')}${monitor.startsWith('val_') ? ' (val_ metrics need a validation source)' : ''}`);
  }
  return value;
}
