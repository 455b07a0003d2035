export { main, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './main';
export { type CapturedIo, type CliIo, captureIo, processIo } from './io';
export { LENET5_PARAMETER_COUNT, buildLenet5Graph, lenet5Parameters, parameterCount } from './demo/lenet-graph';
