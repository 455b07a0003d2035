import type { Command } from './command';
import { conformanceCommand } from './conformance';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { infoCommand } from './info';
import { modelsCommand } from './models';
import { predictCommand } from './predict';

/** Every subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [conformanceCommand, infoCommand, modelsCommand, predictCommand, exportCommand, demoCommand];
