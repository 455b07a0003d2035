import { benchCommand } from './bench';
import type { Command } from './command';
import { conformanceCommand } from './conformance';
import { demoCommand } from './demo';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { finetuneCommand } from './finetune';
import { infoCommand } from './info';
import { modelsCommand } from './models';
import { predictCommand } from './predict';
import { trainCommand } from './train';

/** Every subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [conformanceCommand, infoCommand, modelsCommand, trainCommand, evalCommand, finetuneCommand, predictCommand, exportCommand, benchCommand, demoCommand];
