export { freezeAllBut } from './freeze-all-but';
export { GradualUnfreezing, type GradualUnfreezingOptions } from './gradual-unfreezing';
export { replaceModule } from './replace-module';
