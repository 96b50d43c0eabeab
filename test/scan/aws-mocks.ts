import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { CollectContext } from '../../src/scan/collection';
import type { ScanClients } from '../../src/scan/collector';

/** An error shaped like the SDK's service exceptions: the AWS error code is its name. */
export function awsError(code: string, httpStatusCode = 400, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} (mocked)`), { name: code, $fault: 'client', $metadata: { httpStatusCode }, ...extra });
}

export const throttled = (): Error => awsError('Throttling', 400, { $retryable: { throttling: true } });
export const accessDenied = (code = 'AccessDenied'): Error => awsError(code, 403);

/** Backoff delays the scan asked for; the scan never really waits in tests. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

export function collectContext(overrides: Partial<CollectContext> = {}): CollectContext {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    partition: 'aws',
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep: async () => undefined, random: () => 0.5 },
    concurrency: 4,
    ...overrides,
  };
}

function buildMockedClients() {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const s3 = new S3Client({ region: 'us-east-1', credentials });
  const s3Regional = new S3Client({ region: 'eu-west-1', credentials });
  const iam = new IAMClient({ region: 'us-east-1', credentials });
  const ec2 = new EC2Client({ region: 'us-east-1', credentials });
  const cloudtrail = new CloudTrailClient({ region: 'us-east-1', credentials });
  const kms = new KMSClient({ region: 'us-east-1', credentials });
  const regionsAsked: string[] = [];
  const clients: ScanClients = {
    s3,
    iam,
    ec2,
    cloudtrail,
    kms,
    s3ForRegion: (region) => {
      regionsAsked.push(region);
      return region === 'us-east-1' ? s3 : s3Regional;
    },
  };
  return {
    clients,
    s3: mockClient(s3),
    /** Answers for buckets outside us-east-1 (the collector reads a bucket where it lives). */
    s3Regional: mockClient(s3Regional),
    iam: mockClient(iam),
    ec2: mockClient(ec2),
    cloudtrail: mockClient(cloudtrail),
    kms: mockClient(kms),
    regionsAsked,
  };
}

export type MockedClients = ReturnType<typeof buildMockedClients>;

/** Real SDK clients whose `send` is mocked: paginators accept them, and no request leaves the process. */
export function mockedClients(): MockedClients {
  return buildMockedClients();
}

/**
 * Answers a listing by the page token in the request (`''` for the first page) and records the
 * tokens at call time: paginators reuse one input object, so recorded command inputs would all
 * show the last token.
 */
export function pagesByToken<P>(tokenField: string, pages: Record<string, P>): { serve: (input: object) => P; asked: Array<string | undefined> } {
  const asked: Array<string | undefined> = [];
  return {
    asked,
    serve: (input) => {
      const token = (input as Record<string, string | undefined>)[tokenField];
      asked.push(token);
      const page = pages[token ?? ''];
      if (page === undefined) throw new Error(`no page for ${tokenField}=${String(token)}`);
      return page;
    },
  };
}

const REPORT_COLUMNS =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** GetCredentialReport's Content: IAM's CSV, with its N/A and no_information placeholders, as bytes. */
export function credentialReportContent(rows: string[]): Uint8Array {
  return new TextEncoder().encode([REPORT_COLUMNS, ...rows].join('\n'));
}

/** The root row as IAM writes it for a root user with MFA, no keys and a password last used in June 2025. */
export const ROOT_REPORT_ROW =
  '<root_account>,arn:aws:iam::123456789012:root,2019-03-01T10:00:00+00:00,not_supported,2025-06-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

/** IAM answers for a user collector run whose per-user details do not matter to the test: a ready report, nothing attached. */
export function quietIamUsers(aws: MockedClients): void {
  aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([ROOT_REPORT_ROW]) });
  aws.iam.on(ListMFADevicesCommand).resolves({});
  aws.iam.on(ListUserTagsCommand).resolves({});
  aws.iam.on(ListGroupsForUserCommand).resolves({});
  aws.iam.on(ListUserPoliciesCommand).resolves({});
  aws.iam.on(ListAttachedUserPoliciesCommand).resolves({});
}
