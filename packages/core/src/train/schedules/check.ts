import { CnnkitError } from '../../errors';

export function checkScheduleNumber(value: number, name: string, where: string, ok: (v: number) => boolean, expected: string): void {
  if (typeof value !== 'number' || !ok(value)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} ${String(value)} is invalid; expected ${expected}`, { [name]: value });
  }
}
