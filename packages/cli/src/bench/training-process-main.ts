/**
 * The program `cnnkit bench` runs in a fresh Node process for each cnnkit LeNet-5 training
 * measurement (built as dist/bench-training.js; see training-process.ts): argv[2] is a
 * TrainingRequest as JSON; the last line on stdout is `{"result": TrainingThroughput}` or
 * `{"error": message}` (exit code 1).
 */
import { type TrainingRequest, measureTraining } from './training-request';

function reply(line: object, code: number): void {
  process.stdout.write(`${JSON.stringify(line)}\n`, () => process.exit(code));
}

try {
  const request = JSON.parse(process.argv[2] ?? '') as TrainingRequest;
  reply({ result: await measureTraining(request) }, 0);
} catch (error) {
  reply({ error: error instanceof Error ? error.message : String(error) }, 1);
}
