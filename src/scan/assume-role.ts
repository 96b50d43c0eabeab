import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { retryThrottled, type RetryOptions } from './retry';

/** Credentials as the SDK clients accept them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The SDK's `credentials` option as a function: called again when the last answer is about to expire. */
export type CredentialProvider = () => Promise<AwsCredentials>;

export interface AssumeRoleRequest {
  accountId: string;
  roleArn: string;
  externalId: string;
  sessionName: string;
}

/** Renew this long before expiry, so no call goes out with credentials that lapse in flight. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const SESSION_SECONDS = 3600;

async function assume(sts: STSClient, request: AssumeRoleRequest, retry: RetryOptions): Promise<AwsCredentials> {
  const output = await retryThrottled(
    () =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: request.roleArn,
          RoleSessionName: request.sessionName,
          ExternalId: request.externalId,
          DurationSeconds: SESSION_SECONDS,
        }),
      ),
    retry,
  );
  const credentials = output.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error(`AssumeRole on ${request.roleArn} returned no credentials`);
  // A role ARN that points at another account would scan the wrong account under this one's name.
  const assumedAccount = output.AssumedRoleUser?.Arn?.split(':')[4];
  if (assumedAccount !== undefined && assumedAccount !== request.accountId) {
    throw new Error(`AssumeRole on ${request.roleArn} gave a session in account ${assumedAccount}, not ${request.accountId}`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
  };
}

/**
 * Assumes the audit role now (so an account that cannot be reached fails before any collector
 * runs) and returns a provider that renews the session when it nears expiry, for scans of large
 * accounts that outlast one session.
 */
export async function assumeRoleProvider(
  sts: STSClient,
  request: AssumeRoleRequest,
  retry: RetryOptions,
  now: () => number = Date.now,
): Promise<CredentialProvider> {
  let current = await assume(sts, request, retry);
  let renewing: Promise<AwsCredentials> | undefined;
  return async () => {
    const expiresAt = current.expiration?.getTime();
    if (expiresAt === undefined || expiresAt - now() > REFRESH_MARGIN_MS) return current;
    // Parallel calls share one renewal.
    renewing ??= assume(sts, request, retry).finally(() => {
      renewing = undefined;
    });
    current = await renewing;
    return current;
  };
}
