#!/usr/bin/env node
// Releases that install: packs every package the way `pnpm publish` would (workspace:* turned into
// real versions), checks each tarball holds only dist/ + package.json (+ README / LICENSE), then
// installs the tarballs of @cnnkit/core and @cnnkit/backend-cpu into an empty folder, offline,
// typechecks README.md's "Using it" example against the installed types and runs it with node.
// Run after a build: `npx -y pnpm@10 build && node scripts/pack-install-test.mjs` (root script: test:pack).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const keep = process.argv.includes('--keep');
const work = mkdtempSync(path.join(os.tmpdir(), 'cnnkit-pack-install-'));
const tarballs = path.join(work, 'tarballs');
const app = path.join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

function fail(message) {
  console.error(`pack-install-test: ${message}`);
  console.error(`(work folder kept: ${work})`);
  process.exit(1);
}

function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    fail(`'${command} ${args.join(' ')}' in ${cwd} failed (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

// 1. Pack every publishable package (one pnpm process for all) and check what each tarball holds.
const ALLOWED = /^package\/(dist\/.+|package\.json|README(\.md)?|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/i;
for (const dir of readdirSync(path.join(root, 'packages')).sort()) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8'));
  if (!manifest.private && !existsSync(path.join(root, 'packages', dir, 'dist'))) fail(`${manifest.name} has no dist/; build first (npx -y pnpm@10 build)`);
}
run('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], root);
const packed = new Map();
for (const file of readdirSync(tarballs).sort()) {
  const entries = run('tar', ['-tzf', path.join(tarballs, file)], work).trim().split('\n');
  const stray = entries.filter((e) => !ALLOWED.test(e));
  if (stray.length > 0) fail(`${file} holds files a user does not need: ${stray.join(', ')}; expected only dist/, package.json, README, LICENSE`);
  if (!entries.some((e) => e.startsWith('package/dist/'))) fail(`${file} holds no dist/ files`);
  const packedManifest = JSON.parse(run('tar', ['-xzOf', path.join(tarballs, file), 'package/package.json'], work));
  const workspaceRefs = Object.entries({ ...packedManifest.dependencies, ...packedManifest.peerDependencies, ...packedManifest.optionalDependencies }).filter(([, v]) => String(v).startsWith('workspace:'));
  if (workspaceRefs.length > 0) fail(`${file}: package.json still says ${workspaceRefs.map(([k, v]) => `${k}@${v}`).join(', ')}; pnpm pack should have replaced workspace: ranges`);
  packed.set(packedManifest.name, { file, entries: entries.length });
  console.log(`packed ${packedManifest.name}: ${file}, ${entries.length} files`);
}

// 2. An empty app installs core + the cpu backend from the tarballs alone (no registry: --offline).
const core = packed.get('@cnnkit/core');
const cpu = packed.get('@cnnkit/backend-cpu');
if (!core || !cpu) fail('expected @cnnkit/core and @cnnkit/backend-cpu among the packed packages');
writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({ name: 'cnnkit-pack-install-app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(tarballs, core.file), path.join(tarballs, cpu.file)], app);

// 3. README.md's example, copied from the README itself so that it cannot drift.
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const usingIt = readme.split(/^## Using it$/m)[1];
const example = usingIt && /```ts\n([\s\S]*?)```/.exec(usingIt)?.[1];
if (!example || !example.includes("createBackend('cpu')")) fail("README.md's 'Using it' section has no ```ts block with createBackend('cpu'); the pack test runs that example");
writeFileSync(path.join(app, 'main.ts'), example);

// Typecheck it against the installed packages' own .d.ts, as a user's editor would (Node's resolution).
writeFileSync(path.join(app, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false } , include: ['main.ts'] }, null, 2)}\n`);
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', app], app);

// Strip the types (the example is TypeScript) and run it with plain node.
const ts = require('typescript');
const js = ts.transpileModule(example, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
writeFileSync(path.join(app, 'main.mjs'), js);
const output = run(process.execPath, ['main.mjs'], app, { CNNKIT_BACKEND: '' });

// 4. Its output, checked against hand-worked values: a 3x3 mean filter with 'same' zero padding
// over a 4x4 of ones sees 4 ones at a corner, 6 on an edge, 9 inside: 4/9, 6/9, 1.
if (!/device: 'cpu'/.test(output)) fail(`the example's info() line does not say device 'cpu':\n${output}`);
const array = /Float32Array\(16\) \[([^\]]*)\]/.exec(output);
if (!array) fail(`the example printed no Float32Array(16):\n${output}`);
const values = array[1].split(',').map((v) => Number(v.trim()));
const expected = [];
for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
  const rows = i === 0 || i === 3 ? 2 : 3;
  const cols = j === 0 || j === 3 ? 2 : 3;
  expected.push((rows * cols) / 9);
}
const worst = Math.max(...values.map((v, i) => Math.abs(v - expected[i])));
if (values.length !== 16 || !(worst < 1e-6)) fail(`the example printed ${values.join(', ')}; expected ${expected.map((v) => v.toFixed(4)).join(', ')}`);

console.log(`installed ${core.file} + ${cpu.file} into an empty folder (offline), README example typechecked and ran: 16 values within ${worst.toExponential(1)} of 4/9, 6/9, 1`);
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`work folder: ${work}`);
