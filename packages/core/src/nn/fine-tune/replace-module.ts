import { CnnkitError } from '../../errors';
import type { Module } from '../module';

/**
 * Swaps the module at a dotted path for another, e.g. a new head for a new number of classes:
 *
 *   replaceModule(resnet, 'fc', new Linear(512, 10));
 *   replaceModule(vgg, 'classifier.6', new Linear(4096, 10));
 *
 * The new module takes the old one's place in the order (so state dict keys keep their order)
 * and the parent's field that held it. Returns the module it replaced.
 */
export function replaceModule(model: Module, path: string, replacement: Module): Module {
  if (path === '') {
    throw new CnnkitError('INVALID_ARGUMENT', `replaceModule: path '' names the model itself; expected the dotted path of a submodule such as 'fc' or 'classifier.6'`);
  }
  const dot = path.lastIndexOf('.');
  const parentPath = dot < 0 ? '' : path.slice(0, dot);
  const name = path.slice(dot + 1);
  // getSubmodule names the path and what exists there when a step is missing.
  const parent = model.getSubmodule(parentPath);
  if (!parent.namedChildren().some(([n]) => n === name)) model.getSubmodule(path);
  return parent.replaceChild(name, replacement);
}
