import { UsageError, commandHelp, parseCommandArgs } from './args';
import type { Command } from './commands/command';
import { COMMANDS } from './commands';
import { isCnnkitErrorLike } from './errors';
import { type CliIo, processIo } from './io';
import { closest } from './suggest';

export const EXIT_OK = 0;
/** Something failed: a CnnkitError, a failed conformance case, an unexpected exception. */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  return [
    'Usage: cnnkit <command> [options]',
    '',
    'One model API for convolutional networks, many execution backends.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.brief}`),
    '',
    "Run 'cnnkit <command> --help' for a command's options.",
    'Environment: CNNKIT_BACKEND picks the default backend; CNNKIT_DEBUG=1 prints stack traces.',
  ].join('\n');
}

function debugRequested(argv: readonly string[]): boolean {
  const env = process.env.CNNKIT_DEBUG;
  return argv.includes('--verbose') || (!!env && env !== '0' && env !== 'false');
}

function reportError(error: unknown, command: string | undefined, verbose: boolean, io: CliIo): number {
  const where = command ? `cnnkit ${command}` : 'cnnkit';
  if (error instanceof UsageError) {
    io.err(`${where}: ${error.message}`);
    io.err(`Run '${error.command ? `cnnkit ${error.command}` : 'cnnkit'} --help' for usage.`);
    return EXIT_USAGE;
  }
  if (isCnnkitErrorLike(error)) {
    io.err(`${where}: error [${error.code}]: ${error.message}`);
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    io.err(`${where}: unexpected ${e.name}: ${e.message}`);
    if (!verbose) io.err('This is likely a bug in cnnkit; run again with --verbose (or CNNKIT_DEBUG=1) for the stack trace.');
  }
  if (verbose && error instanceof Error) {
    io.err(error.stack ?? '');
    let cause = error.cause;
    while (cause instanceof Error) {
      io.err(`caused by: ${cause.stack ?? cause.message}`);
      cause = cause.cause;
    }
  }
  return EXIT_FAILURE;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command) return command;
  const names = COMMANDS.map((c) => c.spec.name);
  const guess = closest(name, names);
  throw new UsageError(`unknown command '${name}'; expected one of ${names.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`);
}

/**
 * Runs the CLI on `argv` (without node and the script) and returns the exit code. Never throws
 * and never exits the process, so tests call it in-process with their own `io`.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const verbose = debugRequested(argv);
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) {
      io.err(globalHelp());
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h') {
      io.out(globalHelp());
      return EXIT_OK;
    }
    if (first === 'help') {
      io.out(rest[0] === undefined ? globalHelp() : commandHelp(findCommand(rest[0]).spec));
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new UsageError(`expected a command before options, given '${first}'; commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}`);
    command = findCommand(first);
    const options = parseCommandArgs(command.spec, rest);
    if (options.help === true) {
      io.out(commandHelp(command.spec));
      return EXIT_OK;
    }
    return await command.run(options, io);
  } catch (error) {
    return reportError(error, command?.spec.name, verbose, io);
  }
}
