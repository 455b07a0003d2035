// Debian's /usr/bin/python3 runs the committed fixture scripts (scripts/*.py) at test time;
// tests skip with the reason when a module they need is missing.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PYTHON = '/usr/bin/python3';
export const SCRIPTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts');

const APT: Record<string, string> = { onnx: 'python3-onnx', torch: 'python3-torch', torchvision: 'python3-torchvision', numpy: 'python3-numpy' };

/** Why /usr/bin/python3 cannot import `modules`, or undefined when it can. */
export function pythonMissing(modules: readonly string[]): string | undefined {
  const packages = modules.map((m) => APT[m] ?? m).join(' ');
  if (!existsSync(PYTHON)) return `${PYTHON} not found (apt-get install -y ${packages})`;
  const probe = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0) return undefined;
  const why = (probe.stderr || probe.error?.message || `exit status ${probe.status}`).trim().split('\n').pop();
  return `${PYTHON} cannot import ${modules.join(', ')} (${why}); apt-get install -y ${packages}`;
}

/** Runs scripts/<script> with the arguments; rejects with its stderr. */
export async function runScript(script: string, args: readonly string[], timeoutMs = 600_000): Promise<string> {
  const { stdout } = await promisify(execFile)(PYTHON, [path.join(SCRIPTS, script), ...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
