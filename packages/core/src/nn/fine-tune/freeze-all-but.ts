import type { Module } from '../module';
import type { NamePattern } from '../name-pattern';

/**
 * Freezes every parameter, then unfreezes those matching any of the patterns (each must match
 * something): the usual "train only the head" setup, e.g. freezeAllBut(resnet, 'fc').
 * Returns the names left trainable.
 */
export function freezeAllBut(model: Module, patterns: NamePattern | readonly NamePattern[]): string[] {
  const list = Array.isArray(patterns) ? patterns : [patterns as NamePattern];
  const before = new Map(model.namedParameters().map(([name, p]) => [name, p.requiresGrad]));
  try {
    model.freeze();
    const trainable = new Set<string>();
    for (const pattern of list) for (const name of model.unfreeze(pattern)) trainable.add(name);
    return model.namedParameters().map(([name]) => name).filter((name) => trainable.has(name));
  } catch (e) {
    // A pattern that matches nothing leaves the model as it was.
    for (const [name, p] of model.namedParameters()) p.requiresGrad = before.get(name) ?? p.requiresGrad;
    throw e;
  }
}
