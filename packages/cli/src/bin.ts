#!/usr/bin/env node
import { main } from './main';

// exitCode, not exit(): pending stdout writes flush before the process ends.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
