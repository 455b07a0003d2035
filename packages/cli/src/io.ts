/** Where a command writes: lines to stdout and stderr. Tests pass their own to capture both. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export function processIo(): CliIo {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
  };
}

/** Collects everything written, for tests and for callers that want the text. */
export interface CapturedIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
  /** stdout and stderr, interleaved in the order they were written. */
  readonly all: string[];
}

export function captureIo(): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const all: string[] = [];
  return {
    stdout,
    stderr,
    all,
    out(line) {
      stdout.push(line);
      all.push(line);
    },
    err(line) {
      stderr.push(line);
      all.push(line);
    },
  };
}
