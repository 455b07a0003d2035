export { READABLE_DTYPES_TEXT, SAFETENSORS_DTYPES, type SafetensorsDType } from './dtypes';
export { type SafetensorsContents, parseSafetensors } from './parse';
export { type NamedTensorValues, serializeSafetensors } from './serialize';
export { readSafetensors, writeSafetensors } from './file';
