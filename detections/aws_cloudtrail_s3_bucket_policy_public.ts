import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isPublicStatement, policyStatements } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

function publicActions(event: CloudTrailEvent): string[] {
  return [
    ...new Set(
      policyStatements(requestParam(event, 'bucketPolicy'))
        .filter(isPublicStatement)
        .flatMap((statement) => statement.actions),
    ),
  ];
}

function policy(statements: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    bucketName: 'acme-prod-web-data',
    Host: 'acme-prod-web-data.s3.us-east-1.amazonaws.com',
    policy: [''],
    bucketPolicy: { Version: '2012-10-17', Statement: statements },
  };
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketPolicyPublic',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A bucket policy now allows anyone (`*` principal) to act on the bucket, with no condition restricting callers to known networks, accounts or the organization.',
  runbook:
    'Check whether the bucket is meant to be public (a static site behind CloudFront should use an origin access control instead). If not: restore the previous policy or delete the public statement, make sure Block Public Access is on, and review S3 access logs / data events for anonymous reads since the change.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
  tags: ['TA0010:T1567', 'TA0005:T1562'],
  rule: (event) => event.eventSource === 's3.amazonaws.com' && event.eventName === 'PutBucketPolicy' && succeeded(event) && publicActions(event).length > 0,
  title: (event) =>
    `${actorOf(event)} made bucket ${requestText(event, 'bucketName') ?? 'unknown'} public by policy (${publicActions(event).join(', ') || 'all actions'}) in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'bucketName') ?? 'unknown bucket'}`,
  dynamicSeverity: (event) => (publicActions(event).some((action) => /^s3:(\*|Put|Delete)/i.test(action) || action === '*') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event) => ({ ...callContext(event), publicActions: publicActions(event) }),
  tests: [
    {
      name: 'public read for everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: policy([
          { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-prod-web-data/*' },
        ]),
      }),
    },
    {
      name: 'public with only a TLS condition still matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: 'arn:aws:s3:::acme-prod-web-data/*',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          },
        ]),
      }),
    },
    {
      name: 'everyone within the organization does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: policy([
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::acme-prod-web-data/*',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
          },
        ]),
      }),
    },
    {
      name: 'a deny-insecure-transport statement does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: policy([
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::acme-prod-web-data', 'arn:aws:s3:::acme-prod-web-data/*'],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ]),
      }),
    },
    {
      name: 'a grant to one role does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        requestParameters: policy([
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/DataPipeline' }, Action: 's3:GetObject', Resource: '*' },
        ]),
      }),
    },
    {
      name: 'a policy put that failed does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPolicy',
        errorCode: 'AccessDenied',
        requestParameters: policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]),
      }),
    },
  ],
});
