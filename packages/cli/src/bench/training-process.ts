import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TrainingThroughput } from './training';
import type { TrainingRequest } from './training-request';

/**
 * Where the built child program (training-process-main.ts) lies: next to the bundle this code is
 * in (dist/). Run from the sources, there is none; tests pass the built one.
 */
export function defaultTrainingScript(): string {
  return fileURLToPath(new URL('./bench-training.js', import.meta.url));
}

/**
 * Measures LeNet-5 training in a fresh Node process, as PyTorch's is measured in its own: a
 * process that has loaded every backend and the alternatives (tfjs's engines above all) keeps a
 * larger V8 heap, which the training step's short-lived tensors then drive into a full
 * mark-compact every few steps — with `--trace-gc`, ~110 during 300 steps where a process that
 * loaded only core and the cpu backend runs 3–10 — and the epoch reads 15–25% slower than what a
 * training script gets. Rejects with the child's reason (its error line, or its exit) when it
 * fails, or after `timeoutMs`.
 */
export async function trainInFreshProcess(request: TrainingRequest, script = defaultTrainingScript(), timeoutMs = 120_000 + 10_000 * request.seconds): Promise<TrainingThroughput> {
  if (!existsSync(script)) throw new Error(`${script} not found: the training child program is built with the CLI (pnpm build)`);
  let timedOut = false;
  const { code, signal, stdout, stderr } = await new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err = (err + chunk).slice(-4000); });
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (c, s) => { clearTimeout(timer); resolve({ code: c, signal: s, stdout: out, stderr: err }); });
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let reply: { result?: TrainingThroughput; error?: string } = {};
  try {
    reply = JSON.parse(last) as typeof reply;
  } catch {
    // no reply line: the reason is the exit (below)
  }
  if (code === 0 && reply.result) return reply.result;
  if (reply.error !== undefined) throw new Error(reply.error);
  const why = timedOut ? `stopped after ${Math.round(timeoutMs / 1000)} s` : signal !== null ? `killed by ${signal}` : `exit code ${code}`;
  const lastError = stderr.trim().split('\n').at(-1);
  throw new Error(`the training process (${process.execPath} ${script}) gave no result: ${why}${lastError ? `; ${lastError}` : ''}`);
}
