import { describe, expect, it } from 'vitest';
import { type CommandSpec, UsageError, commandHelp, intOption, parseCommandArgs } from './args';

const spec: CommandSpec = {
  name: 'demo',
  brief: 'a test command',
  summary: 'A test command.',
  options: {
    backend: { type: 'string', value: 'NAME', description: 'the backend' },
    fast: { type: 'boolean', short: 'f', description: 'go fast' },
  },
  examples: ['cnnkit demo --fast'],
};

function usageMessage(argv: string[]): string {
  try {
    parseCommandArgs(spec, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).command).toBe('demo');
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseCommandArgs', () => {
  it('reads string and boolean options, long and short, and the common ones', () => {
    expect(parseCommandArgs(spec, ['--backend', 'cpu', '-f', '--verbose'])).toEqual({ backend: 'cpu', fast: true, verbose: true });
    expect(parseCommandArgs(spec, ['--backend=tfjs'])).toEqual({ backend: 'tfjs' });
    expect(parseCommandArgs(spec, [])).toEqual({});
  });

  it('refuses unknown options, missing values, values on flags and stray words, saying which', () => {
    expect(usageMessage(['--bakend', 'cpu'])).toBe("unknown option '--bakend' for 'demo'; expected --backend NAME, -f, --fast");
    expect(usageMessage(['--backend'])).toBe('option --backend needs a value (--backend NAME): the backend');
    expect(usageMessage(['--backend', '--fast'])).toBe('option --backend needs a value (--backend NAME): the backend');
    expect(usageMessage(['--fast=1'])).toBe('option --fast takes no value');
    expect(usageMessage(['cpu'])).toBe("unexpected argument 'cpu' for 'demo'; it takes options only: --backend NAME, -f, --fast");
  });
});

describe('intOption', () => {
  it('gives the fallback when absent and the number when whole and large enough', () => {
    expect(intOption({}, 'n', 64, 'demo')).toBe(64);
    expect(intOption({ n: '128' }, 'n', 64, 'demo')).toBe(128);
    expect(intOption({ n: '0' }, 'n', 1, 'demo', 0)).toBe(0);
  });
  it('refuses fractions, words, blanks and numbers below the minimum', () => {
    for (const v of ['0', '1.5', 'ten', '', '1e3', '-2']) {
      expect(() => intOption({ n: v }, 'n', 1, 'demo')).toThrow(`option --n is '${v}'; expected a whole number >= 1`);
    }
  });
});

describe('commandHelp', () => {
  it('lists usage, summary, every option (common ones too) aligned, and examples', () => {
    expect(commandHelp(spec)).toBe([
      'Usage: cnnkit demo [options]',
      '',
      'A test command.',
      '',
      'Options:',
      '  --backend NAME  the backend',
      '  -f, --fast      go fast',
      '  -h, --help      show this help',
      '  --verbose       print stack traces of errors (also: CNNKIT_DEBUG=1)',
      '',
      'Examples:',
      '  cnnkit demo --fast',
    ].join('\n'));
  });
});
