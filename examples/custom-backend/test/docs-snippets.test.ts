import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/backends.md promises that every code block is real: copied from a file it names on its
// first line. This holds it to that, so the guide cannot drift from the code it teaches.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(`${repoRoot}docs/backends.md`, 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/backends.md code blocks', () => {
  it('has code blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each(blocks.map((b) => [b.split('\n')[0]!, b] as const))('%s: the block is a verbatim excerpt of that file', (header, block) => {
    const file = /^\/\/ ((?:examples|packages)\/[\w./-]+\.ts)$/.exec(header)?.[1];
    expect(file, `first line '${header}' should name the source file: // examples/... or // packages/...`).toBeDefined();
    const source = readFileSync(`${repoRoot}${file}`, 'utf8');
    const body = block.slice(header.length + 1);
    expect(source.includes(body), `the block under '${header}' is not in ${file} as written`).toBe(true);
  });
});
