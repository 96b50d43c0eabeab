import { gzipSync } from 'node:zlib';
import { cloudTrailEvent } from '../../src/detect/test-events';
import type { CloudTrailEvent } from '../../src/logs/cloudtrail';

export { cloudTrailEvent };

export function rootConsoleLogin(fields: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    eventID: 'a1f0c7de-3c1e-4b8e-9d3a-6f0e2b7c1d01',
    sourceIPAddress: '203.0.113.50',
    userIdentity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
    ...fields,
  });
}

const SQS_ACTIONS = [
  'CreateQueue',
  'DeleteQueue',
  'SetQueueAttributes',
  'TagQueue',
  'PurgeQueue',
  'AddPermission',
  'RemovePermission',
  'UntagQueue',
  'StartMessageMoveTask',
  'CancelMessageMoveTask',
];

/**
 * `count` SQS calls denied to one caller, cycling through ten different actions: enough for
 * AccessDeniedBurst, which counts distinct denied actions.
 */
export function deniedSqsCalls(count: number, fields: (i: number) => Partial<CloudTrailEvent> = () => ({})): CloudTrailEvent[] {
  return Array.from({ length: count }, (_, i) =>
    cloudTrailEvent({
      eventID: `denied-${i}`,
      eventSource: 'sqs.amazonaws.com',
      eventName: SQS_ACTIONS[i % SQS_ACTIONS.length]!,
      errorCode: 'AccessDenied',
      ...fields(i),
    }),
  );
}

/** A CloudTrail log file as CloudTrail writes it: gzip JSON with a Records array. */
export function cloudTrailFile(records: unknown[]): Buffer {
  return gzipSync(JSON.stringify({ Records: records }));
}

export function cloudTrailKey(name: string, account = '123456789012'): string {
  return `AWSLogs/${account}/CloudTrail/us-east-1/2026/11/22/${account}_CloudTrail_us-east-1_20261122T1000Z_${name}.json.gz`;
}
