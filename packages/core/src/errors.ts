/**
 * The one error class of cnnkit. `code` is stable and safe to branch on; the message says what
 * was given, what was expected and where (op, node, layer, file).
 */
export type CnnkitErrorCode =
  | 'SHAPE_MISMATCH'
  | 'DTYPE_MISMATCH'
  | 'INVALID_ATTRIBUTE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_GRAPH'
  | 'UNKNOWN_OP'
  | 'UNSUPPORTED_OP'
  | 'UNKNOWN_BACKEND'
  | 'BACKEND_NOT_INSTALLED'
  | 'BACKEND_INVALID'
  | 'DEVICE_UNAVAILABLE'
  | 'NON_FINITE'
  | 'ASYNC_READ_ONLY'
  | 'DISPOSED'
  | 'IO';

export class CnnkitError extends Error {
  override readonly name = 'CnnkitError';
  readonly code: CnnkitErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: CnnkitErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

export function isCnnkitError(value: unknown, code?: CnnkitErrorCode): value is CnnkitError {
  return value instanceof CnnkitError && (code === undefined || value.code === code);
}
