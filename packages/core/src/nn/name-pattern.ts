/**
 * How freeze / unfreeze and the fine-tuning helpers pick parameters by name:
 * - a plain string is a prefix at a dot boundary: 'features' matches 'features.0.weight' (not
 *   'features_extra.weight'), 'layer4.' matches everything under layer4, 'fc.weight' matches itself;
 * - a string with '*' is a glob over the whole name, '*' standing for any characters, dots
 *   included ('layer*.conv1.*' matches every block's conv1; other characters are literal);
 * - a RegExp is tested against the name (its g / y flags are ignored).
 */
export type NamePattern = string | RegExp;

export function nameMatcher(pattern: NamePattern): (name: string) => boolean {
  if (pattern instanceof RegExp) {
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return (name) => re.test(name);
  }
  if (pattern.includes('*')) {
    const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return (name) => re.test(name);
  }
  const prefix = pattern.endsWith('.') ? pattern : `${pattern}.`;
  return (name) => name === pattern || name.startsWith(prefix);
}

export function describePattern(pattern: NamePattern): string {
  return pattern instanceof RegExp ? String(pattern) : `'${pattern}'`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
