/**
 * One error type with stable codes. Callers switch on `code`, never on `name` or message text;
 * the original error is kept as `cause` for logs.
 */
export type ErrorCode =
  | 'prowl_config_invalid'
  | 'prowl_bad_input'
  | 'prowl_bad_command'
  | 'prowl_forbidden'
  | 'prowl_not_found'
  | 'prowl_conflict'
  | 'prowl_object_unreadable'
  | 'prowl_slack_rate_limited'
  | 'prowl_slack_failed'
  | 'prowl_internal';

export class ProwlError extends Error {
  override readonly name = 'ProwlError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  readonly retryAfterSeconds: number | undefined;
}

export function isProwlError(error: unknown, code?: ErrorCode): error is ProwlError {
  return error instanceof ProwlError && (code === undefined || error.code === code);
}

/** Normalises anything thrown into a ProwlError, keeping the original as the cause. */
export function asProwlError(error: unknown): ProwlError {
  if (error instanceof ProwlError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProwlError('prowl_internal', message, { cause: error });
}
