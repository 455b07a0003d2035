import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { registerBackend } from '@cnnkit/core';
import { captureIo } from '../io';
import { main } from '../main';

/**
 * Core resolves 'cpu' to @cnnkit/backend-cpu's built dist from the working directory; tests
 * register the sources instead (vitest aliases them), so they test the code as it is now.
 */
export function useCpuFromSource(): void {
  registerBackend('cpu', (options) => createCpuBackend(options));
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}
