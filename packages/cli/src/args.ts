import { parseArgs } from 'node:util';

/** One option of a command, as help shows it and as parseArgs reads it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder for the value in help, e.g. NAME. */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly brief: string;
  /** What the command does, for its own help. */
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples?: readonly string[];
}

export type ParsedOptions = Readonly<Record<string, string | boolean | undefined>>;

/** A mistake in how the command line was written: reported with a pointer to --help, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  verbose: { type: 'boolean', description: 'print stack traces of errors (also: CNNKIT_DEBUG=1)' },
};

function allOptions(spec: CommandSpec): Readonly<Record<string, OptionSpec>> {
  return { ...spec.options, ...COMMON_OPTIONS };
}

function flag(name: string, o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
}

function needsValue(name: string, o: OptionSpec | undefined): string {
  return `option --${name} needs a value${o ? ` (--${name} ${o.value ?? 'VALUE'}): ${o.description}` : ''}`;
}

/** Why parseArgs refused, said in the command's own words. */
function explain(spec: CommandSpec, error: Error & { code?: string }): string {
  const options = allOptions(spec);
  const known = Object.entries(spec.options).map(([n, o]) => flag(n, o)).join(', ') || '(none)';
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted.split(' ')[0]}' for '${spec.name}'; expected ${known}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([\w-]+)/.exec(error.message)?.[1] ?? '';
      const o = options[name];
      return o?.type === 'string' ? needsValue(name, o) : `option --${name} takes no value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}' for '${spec.name}'; it takes options only: ${known}`;
    default:
      return error.message;
  }
}

/** Parses a command's arguments strictly: unknown options, missing values and stray words are usage errors. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, o] of Object.entries(allOptions(spec))) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  try {
    // Strict mode also refuses a value that looks like an option (`--backend --report x`).
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return values as ParsedOptions;
  } catch (error) {
    throw new UsageError(explain(spec, error as Error & { code?: string }), spec.name);
  }
}

export function stringOption(values: ParsedOptions, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A whole number >= min (1 unless given), or the fallback when the option is absent. */
export function intOption(values: ParsedOptions, name: string, fallback: number, command: string, min = 1): number {
  const v = stringOption(values, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`option --${name} is '${v}'; expected a whole number >= ${min}`, command);
  }
  return n;
}

/** The help text of one command. */
export function commandHelp(spec: CommandSpec): string {
  const options = Object.entries(allOptions(spec));
  const flags = options.map(([n, o]) => flag(n, o));
  const width = Math.max(...flags.map((f) => f.length));
  const lines = [`Usage: cnnkit ${spec.name} [options]`, '', spec.summary, '', 'Options:'];
  options.forEach(([, o], i) => lines.push(`  ${flags[i]!.padEnd(width)}  ${o.description}`));
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
