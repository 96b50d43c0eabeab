import type { CloudTrailEvent } from '../logs/cloudtrail';

/**
 * A complete, ordinary CloudTrail record for rule tests; pass only the fields the test is about.
 * Top-level fields replace the defaults (pass a whole userIdentity to change the caller).
 */
export function cloudTrailEvent(fields: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-22T10:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    eventID: '5b4c9e2a-0d3f-4a51-9f7e-2d1c0b9a8e7f',
    eventType: 'AwsApiCall',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    recipientAccountId: '123456789012',
    readOnly: true,
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice',
      arn: 'arn:aws:sts::123456789012:assumed-role/Engineer/alice',
      accountId: '123456789012',
      accessKeyId: 'ASIAEXAMPLE',
    },
    ...fields,
  };
}
