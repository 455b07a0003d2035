export { main, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './main';
export { type CapturedIo, type CliIo, captureIo, processIo } from './io';
