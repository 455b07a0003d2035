import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_ZOO, writeFileAtomic } from '@cnnkit/core';
import { UsageError, type ParsedOptions, intOption, stringOption } from '../args';
import { reportToMarkdown } from '../bench/format-markdown';
import { RAW_TFJS_MODELS } from '../bench/raw-tfjs';
import { type BenchOptions, runBench } from '../bench/run-bench';
import { BENCH_BACKENDS, DEFAULT_BACKENDS, DEFAULT_MODELS } from '../bench/runners';
import type { Command } from './command';

const NAME = 'bench';

function list(values: ParsedOptions, name: string, fallback: readonly string[], allowed: readonly string[]): string[] {
  const raw = stringOption(values, name);
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((i) => !allowed.includes(i));
  if (items.length === 0 || unknown.length > 0) {
    throw new UsageError(`option --${name} is '${raw}'; expected a comma-separated list of ${allowed.join(', ')}`, NAME);
  }
  return [...new Set(items)];
}

function batches(values: ParsedOptions, fallback: readonly number[]): number[] {
  const raw = stringOption(values, 'batches');
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => !/^\d+$/.test(s) || Number(s) < 1)) throw new UsageError(`option --batches is '${raw}'; expected whole numbers >= 1, e.g. 1,32`, NAME);
  return [...new Set(items.map(Number))];
}

/** The command as given, rebuilt from the parsed options, for the report (same for any caller of run()). */
function commandLine(values: ParsedOptions): string {
  const flags = Object.entries(values).flatMap(([name, v]) => (v === true ? [`--${name}`] : typeof v === 'string' ? [`--${name} ${v}`] : []));
  return [`cnnkit ${NAME}`, ...flags].join(' ');
}

/** The bench's options from the command line; --quick changes only the defaults the user did not give. */
export function benchOptions(values: ParsedOptions, command: string): BenchOptions {
  const quick = values['quick'] === true;
  const benchable = Object.keys(MODEL_ZOO).filter((m) => m in RAW_TFJS_MODELS);
  return {
    models: list(values, 'models', quick ? ['lenet5', 'resnet18'] : DEFAULT_MODELS, benchable),
    batches: batches(values, quick ? [1] : [1, 32]),
    backends: list(values, 'backends', DEFAULT_BACKENDS, Object.keys(BENCH_BACKENDS)),
    budget: {
      warmup: intOption(values, 'warmup', quick ? 1 : 2, NAME, 0),
      warmupSeconds: intOption(values, 'warmup-seconds', 1, NAME, 0),
      repeats: intOption(values, 'repeats', quick ? 3 : 10, NAME),
      cellSeconds: intOption(values, 'cell-seconds', quick ? 5 : 20, NAME),
      minSampleMs: intOption(values, 'min-sample-ms', 2, NAME, 0),
    },
    alternatives: values['no-alternatives'] !== true,
    training: values['no-training'] !== true,
    trainSteps: intOption(values, 'train-steps', quick ? 30 : 300, NAME),
    command,
  };
}

/**
 * `cnnkit bench`: every model × batch × installed backend, and in the same run the alternatives
 * (ONNX Runtime on the PyTorch export, PyTorch, raw TensorFlow.js), with ratios, LeNet-5 training
 * throughput and the issue-8 targets. Progress goes to stderr, the Markdown table to stdout.
 */
export const benchCommand: Command = {
  spec: {
    name: NAME,
    brief: 'benchmark the zoo on every installed backend against ONNX Runtime, PyTorch and raw TensorFlow.js',
    summary: [
      'Times zoo models (seeded weights, eval mode, traced with a symbolic batch) at each batch size on each installed cnnkit backend: compile, warm up, then the median, p10 and p90 of timed runs',
      '(upload input, run, read the output back), and the peak growth of the process\'s memory. In the same run, the alternatives: ONNX Runtime directly on the model exported by PyTorch',
      '(scripts/bench_torch.py with /usr/bin/python3 and torch, or CNNKIT_BENCH_PYTHON), PyTorch\'s own forward, and the same architecture in raw TensorFlow.js ops on the wasm and cpu engines;',
      'each cnnkit cell\'s ratio to them; LeNet-5 training throughput on real MNIST (samples/s) for cnnkit cpu / tfjs wasm and PyTorch; and whether the issue-8 targets were met.',
      'A cell stops repeating after --cell-seconds (at least one timed run); a cell estimated at more than 3× that per run from its smaller batch is skipped and says so.',
      'Missing backends or alternatives are listed with the reason; the rest still runs.',
    ].join(' '),
    options: {
      models: { type: 'string', value: 'LIST', description: `models (default ${DEFAULT_MODELS.join(',')})` },
      batches: { type: 'string', value: 'LIST', description: 'batch sizes (default 1,32)' },
      backends: { type: 'string', value: 'LIST', description: `cnnkit backends: ${Object.keys(BENCH_BACKENDS).join(', ')} (default ${DEFAULT_BACKENDS.join(',')})` },
      repeats: { type: 'string', value: 'N', description: 'timed runs per cell (default 10)' },
      warmup: { type: 'string', value: 'N', description: 'untimed runs first (default 2)' },
      'warmup-seconds': { type: 'string', value: 'S', description: 'and untimed runs for at least S seconds, so V8 has optimised the call path (default 1)' },
      'cell-seconds': { type: 'string', value: 'S', description: 'stop repeating a cell after S seconds (default 20)' },
      'min-sample-ms': { type: 'string', value: 'MS', description: 'a timed sample is the mean of back-to-back runs taking at least MS ms, for runs shorter than that (default 2; 0: one run a sample)' },
      'train-steps': { type: 'string', value: 'N', description: 'at most N timed LeNet-5 training steps of batch 64 (default 300)' },
      json: { type: 'string', value: 'FILE', description: 'also write the results as JSON (atomically)' },
      markdown: { type: 'string', value: 'FILE', description: 'also write the Markdown report (atomically)' },
      quick: { type: 'boolean', description: 'smoke run: lenet5 and resnet18, batch 1, 3 repeats, 5 s cells, 30 training steps' },
      'no-training': { type: 'boolean', description: 'skip the LeNet-5 training throughput' },
      'no-alternatives': { type: 'boolean', description: 'skip ONNX Runtime direct, PyTorch and raw tfjs' },
    },
    examples: [
      'cnnkit bench --quick',
      'cnnkit bench --models resnet18,resnet50 --batches 1 --backends cpu,onnxruntime --markdown bench.md --json bench.json',
      'cnnkit bench --models lenet5 --backends cpu --no-alternatives --no-training',
    ],
  },
  async run(values, io) {
    const options = benchOptions(values, commandLine(values));
    const report = await runBench(options, io);
    const markdown = reportToMarkdown(report);
    io.out(markdown.trimEnd());
    for (const [file, text] of [[stringOption(values, 'markdown'), markdown], [stringOption(values, 'json'), `${JSON.stringify(report, null, 1)}\n`]] as const) {
      if (file === undefined) continue;
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFileAtomic(file, text);
      io.err(`wrote ${file}`);
    }
    return 0;
  },
};
