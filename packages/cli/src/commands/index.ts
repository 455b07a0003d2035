import type { Command } from './command';
import { conformanceCommand } from './conformance';
import { demoCommand } from './demo';
import { infoCommand } from './info';

/** Every subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [conformanceCommand, infoCommand, demoCommand];
