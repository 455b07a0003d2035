import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './main';
import { runCli, useCpuFromSource } from './testing/cli-harness';

useCpuFromSource();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('cnnkit command dispatch', () => {
  it('prints the command list to stderr and exits 2 when no command is given', async () => {
    const r = await runCli();
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: cnnkit <command> [options]');
    for (const name of ['conformance', 'info', 'models', 'predict', 'export', 'demo']) expect(r.stderr).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('prints the command list to stdout and exits 0 for --help', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('Commands:');
    expect(r.stderr).toBe('');
  });

  it('names an unknown command, lists the known ones and suggests the likely one', async () => {
    const r = await runCli('dmeo');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("cnnkit: unknown command 'dmeo'; expected one of conformance, info, models, train, eval, finetune, predict, export, bench, demo (did you mean 'demo'?)");
    expect(r.stderr).toContain("Run 'cnnkit --help' for usage.");
  });

  it('does not suggest anything for a command that resembles none', async () => {
    const r = await runCli('frobnicate');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).not.toContain('did you mean');
  });

  it('rejects options given before the command', async () => {
    const r = await runCli('--backend', 'cpu', 'info');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("expected a command before options, given '--backend'");
  });

  it('says which option lacks its value, at the end of the line or before another option', async () => {
    for (const argv of [['conformance', '--backend'], ['conformance', '--backend', '--report', 'out']]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stderr).toContain('cnnkit conformance: option --backend needs a value (--backend NAME)');
      expect(r.stderr).toContain("Run 'cnnkit conformance --help' for usage.");
    }
  });

  it('names an unknown option and lists the command\'s options', async () => {
    const r = await runCli('info', '--backnd', 'cpu');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("cnnkit info: unknown option '--backnd' for 'info'; expected --backend NAME, --device DEVICE");
  });

  it('rejects stray words', async () => {
    const r = await runCli('info', 'cpu');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("unexpected argument 'cpu' for 'info'");
  });

  it('rejects a value given to a flag', async () => {
    const r = await runCli('info', '--help=yes');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('option --help takes no value');
  });

  it('prints a command\'s help for --help and for `help <command>`', async () => {
    for (const argv of [['demo', '--help'], ['help', 'demo'], ['demo', '-h']]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout).toContain('Usage: cnnkit demo [options]');
      expect(r.stdout).toMatch(/--limit N +train on the first N training images/);
    }
  });

  it('prints a CnnkitError as one clean line with its code, no stack unless asked', async () => {
    const r = await runCli('info', '--device', 'cuda');
    expect(r.code).toBe(EXIT_FAILURE);
    expect(r.stderr).toBe("cnnkit info: error [DEVICE_UNAVAILABLE]: backend 'cpu' was asked for device 'cuda'; it runs on 'cpu' only");
  });

  it('adds the stack trace with --verbose or CNNKIT_DEBUG', async () => {
    const verbose = await runCli('info', '--device', 'cuda', '--verbose');
    expect(verbose.code).toBe(EXIT_FAILURE);
    expect(verbose.stderr).toMatch(/error \[DEVICE_UNAVAILABLE\][^\n]*\nCnnkitError: [^\n]*\n\s+at /);

    vi.stubEnv('CNNKIT_DEBUG', '1');
    const debug = await runCli('info', '--device', 'cuda');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('takes the default backend from CNNKIT_BACKEND', async () => {
    vi.stubEnv('CNNKIT_BACKEND', 'nosuch');
    const r = await runCli('info');
    expect(r.code).toBe(EXIT_FAILURE);
    expect(r.stderr).toContain("unknown backend 'nosuch'");
  });
});
