import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCheckpoint } from '@cnnkit/core';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';

// A process SIGKILLed while it writes a checkpoint must leave the previous checkpoint loadable.
// The child (checkpoint-kill-child.ts, bundled here from the current sources) rewrites one path
// with version after version of a ~16 MB checkpoint; we kill it at random moments inside a save
// and check that the file at the path loads and is one whole version.

const here = path.dirname(fileURLToPath(import.meta.url));
const coreSource = path.resolve(here, '../../../core/src/index.ts');
const VALUES = 2_000_000; // float32 values per tensor; two tensors = 16 MB of data
const ROUNDS = 8;

async function bundleChild(outDir: string): Promise<string> {
  await build({
    entry: { 'checkpoint-kill-child': path.join(here, 'checkpoint-kill-child.ts') },
    outDir, format: ['esm'], platform: 'node', target: 'node20', outExtension: () => ({ js: '.mjs' }),
    bundle: true, splitting: false, sourcemap: false, dts: false, clean: false, silent: true, config: false,
    noExternal: [/^@cnnkit\//],
    esbuildOptions(options) {
      options.alias = { '@cnnkit/core': coreSource };
    },
  });
  return path.join(outDir, 'checkpoint-kill-child.mjs');
}

/** Follows the child's "begin v" / "saved v" lines and resolves waits on them. */
class ChildLog {
  lastBegun = -1;
  lastSaved = -1;
  readonly beganAt = new Map<number, number>();
  readonly savedAt = new Map<number, number>();
  #waiters: (() => void)[] = [];

  constructor(child: ChildProcess) {
    let pending = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [what, v] = line.split(' ');
        if (what === 'begin') {
          this.lastBegun = Number(v);
          this.beganAt.set(Number(v), performance.now());
        } else if (what === 'saved') {
          this.lastSaved = Number(v);
          this.savedAt.set(Number(v), performance.now());
        }
      }
      for (const w of this.#waiters.splice(0)) w();
    });
  }

  async until(condition: () => boolean, child: ChildProcess): Promise<void> {
    while (!condition()) {
      if (child.exitCode !== null) throw new Error(`checkpoint child exited early with code ${child.exitCode}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a checkpoint write killed with SIGKILL', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-kill-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(`leaves a whole, loadable checkpoint every time (${ROUNDS} kills)`, async () => {
    const script = await bundleChild(path.join(dir, 'bundle'));
    const file = path.join(dir, 'ckpt.safetensors');
    let next = 1;
    let onDisk = 0; // the version the previous round left at the path
    let saveMs = 0;
    let killedMidSave = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = spawn(process.execPath, [script, file, String(next), String(VALUES)], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const log = new ChildLog(child);
        // Round 0 waits for two whole saves to time one; later rounds already have a file on disk.
        const first = next;
        if (round === 0) {
          await log.until(() => log.lastSaved >= first + 1, child);
          saveMs = log.savedAt.get(first + 1)! - log.beganAt.get(first + 1)!;
        }
        // Kill at a random moment inside a save: wait for the next "begin", then up to one save's time.
        const target = log.lastBegun + 1;
        await log.until(() => log.lastBegun >= target, child);
        await sleep(Math.random() * saveMs);
        child.kill('SIGKILL');
        await once(child, 'exit');
        if (log.lastBegun > log.lastSaved) killedMidSave++;

        const c = await loadCheckpoint(file);
        // On disk: the last announced save (or what an earlier round left when this one finished
        // none), or the version in flight if its rename landed just before the kill.
        expect(c.epoch).toBeGreaterThanOrEqual(Math.max(log.lastSaved, onDisk));
        expect(c.epoch).toBeLessThanOrEqual(log.lastBegun);
        const v = c.epoch;
        expect(c.step).toBe(10 * v);
        expect(c.history).toEqual([{ epoch: v, loss: 1 / v, lr: v / 1000 }]);
        expect(c.optimizer!.paramGroups[0]!.options['lr']).toBe(v / 1000);
        const weight = c.model['weight']!.data;
        const moment = (c.optimizer!.state[0]!['momentum_buffer'] as { data: Float32Array }).data;
        expect(weight.length).toBe(VALUES);
        expect(weight.every((x) => x === v)).toBe(true);
        expect(moment.every((x) => x === -v)).toBe(true);
        expect(c.model['bn.num_batches_tracked']!.data[0]).toBe(v);
        onDisk = v;
        next = log.lastBegun + 1;
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
    // The kills did land inside saves (not only between them), and some left a torn temp file
    // beside the checkpoint — which is exactly what the rename protects the checkpoint from.
    expect(killedMidSave).toBeGreaterThanOrEqual(ROUNDS / 2);
    const temps = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(temps.length).toBeGreaterThan(0);
  }, 120_000);
});
