/**
 * How the scan reads errors thrown by the AWS SDK. SDK v3 exposes the service's error code as the
 * exception's `name`; this module is the one place that reads it, so collectors ask a question
 * ("was this throttling?", "is the configuration simply absent?") instead of comparing strings.
 */

/** What the scan does with an error: retry it, record it against the resource, or treat it as "not configured". */
export type AwsErrorKind = 'throttled' | 'access-denied' | 'other';

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

// Codes the SDK's own retry strategy treats as throttling, across the services the scan calls.
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

// EC2 says UnauthorizedOperation; IAM, S3 and STS say AccessDenied; KMS and CloudTrail say AccessDeniedException.
const ACCESS_DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AllAccessDisabled']);

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

/** The service's error code (e.g. `NoSuchBucketPolicy`), or undefined for errors that are not from AWS. */
export function awsErrorCode(error: unknown): string | undefined {
  const { name } = shape(error);
  return typeof name === 'string' && name !== 'Error' ? name : undefined;
}

export function awsErrorMessage(error: unknown): string {
  const { message } = shape(error);
  return typeof message === 'string' && message !== '' ? message : String(error);
}

export function classifyAwsError(error: unknown): AwsErrorKind {
  const { $metadata, $retryable } = shape(error);
  const code = awsErrorCode(error);
  if ($retryable?.throttling === true || $metadata?.httpStatusCode === 429 || (code !== undefined && THROTTLING_CODES.has(code))) return 'throttled';
  if ((code !== undefined && ACCESS_DENIED_CODES.has(code)) || $metadata?.httpStatusCode === 403) return 'access-denied';
  return 'other';
}

/** True when the error says the thing asked for is not configured (no bucket policy, no password policy, …). */
export function isAbsent(error: unknown, codes: readonly string[]): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && codes.includes(code);
}

/**
 * True when the request never reached AWS because the service has no endpoint in the region (DNS
 * answers ENOTFOUND): services frozen before a region opened (WAF Classic) do not exist there.
 */
export function isEndpointMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOTFOUND';
}
