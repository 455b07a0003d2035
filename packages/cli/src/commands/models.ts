import { formatShape } from '@cnnkit/core';
import { thousands } from '../demo/format';
import { type ZooModelSummary, summarizeZoo } from '../models/zoo-summary';
import type { Command } from './command';

const COLUMNS = ['model', 'family', 'parameters', 'MACs', 'input'] as const;

function cells(s: ZooModelSummary): string[] {
  return [s.name, s.family, thousands(s.parameters), thousands(s.macs), `${formatShape(s.inputShape)} ${s.inputDtype}`];
}

/** Names and families left-aligned, counts right-aligned so their digits line up. */
function table(rows: readonly string[][]): string[] {
  const all = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const right = (c: number): boolean => c === 2 || c === 3;
  return all.map((r) => r.map((cell, c) => (right(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

/** `cnnkit models`: the zoo, with each model's parameter count, MACs and input. */
export const modelsCommand: Command = {
  spec: {
    name: 'models',
    brief: 'list the model zoo: parameters, MACs at the default input size, input shape',
    summary: 'List every model of the zoo with its parameter count (as torch.nn counts it), its multiply-accumulates for one sample at its default input size (conv and linear layers, as fvcore / ptflops count them) and the shape of one input sample (without the batch axis).',
    options: {
      json: { type: 'boolean', description: 'print a JSON array of { name, family, parameters, macs, inputShape, inputDtype } instead of a table' },
    },
    examples: ['cnnkit models', 'cnnkit models --json'],
  },
  async run(values, io) {
    const summaries = [...summarizeZoo()];
    if (values.json === true) {
      io.out(JSON.stringify(summaries, null, 2));
      return 0;
    }
    for (const line of table(summaries.map(cells))) io.out(line);
    io.out('');
    io.out('MACs: multiply-accumulates of one sample (conv and linear layers). Input: one sample, without the batch axis.');
    return 0;
  },
};
