import type { CommandSpec, ParsedOptions } from '../args';
import type { CliIo } from '../io';

/** A subcommand: its options and help, and what it does. Returns the process exit code. */
export interface Command {
  readonly spec: CommandSpec;
  run(options: ParsedOptions, io: CliIo): Promise<number>;
}
