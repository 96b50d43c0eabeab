import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { policyStatements, principalAccount } from './lib/fields';
import {
  accountOf,
  actorOf,
  callContext,
  isAwsServiceCall,
  isOrganizationAccount,
  requestParam,
  requestText,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

/** AWS principals in accounts outside the organization that an Allow statement names (`*` is the public-policy rule's). */
function outsideAccounts(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  const principals = policyStatements(requestParam(event, 'bucketPolicy'))
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statement.awsPrincipals)
    .filter((principal) => principal !== '*' && !isOrganizationAccount(principalAccount(principal), event, settings));
  return [...new Set(principals)];
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function putPolicy(bucketName: string, principal: unknown, fields: Parameters<typeof cloudTrailWrite>[0] = {}): ReturnType<typeof cloudTrailWrite> {
  return cloudTrailWrite({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: {
      bucketName,
      Host: `${bucketName}.s3.us-east-1.amazonaws.com`,
      policy: [''],
      bucketPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: principal },
            Action: ['s3:GetObject', 's3:GetBucketLocation', 's3:ListBucket'],
            Resource: [`arn:aws:s3:::${bucketName}/*`, `arn:aws:s3:::${bucketName}`],
          },
        ],
      },
    },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketPolicyGrantsOutsideAccount',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A bucket policy now grants access to an AWS account outside the organization (detections.organizationAccountIds; only the bucket's own account counts as inside while that is empty). One statement naming an attacker's account lets them read the bucket with their own credentials, quietly, for as long as nobody notices.",
  runbook:
    'Identify the outside account (alert context). Unless it is a known partner with a written reason, remove the statement (restore the policy from IaC), then review S3 data events or access logs for requests from that account since the change. Ask the actor why; consider an SCP or Block Public Access plus aws:PrincipalOrgID conditions on sensitive buckets.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html',
  tags: ['TA0010:T1537', 'TA0003:T1098'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'PutBucketPolicy' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    outsideAccounts(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} granted ${outsideAccounts(event, settings).join(', ')} access to bucket ${bucketOf(event)} (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsideAccounts(event, settings) }),
  tests: [
    { name: 'granting an outside account read access matches', expect: true, event: putPolicy('stratus-red-team-bucket', 'arn:aws:iam::193672423079:root') },
    { name: 'a bare outside account id matches', expect: true, event: putPolicy('exports', ['arn:aws:iam::123456789012:role/Reader', '444455556666']) },
    {
      name: 'granting an organization account does not match',
      expect: false,
      settings: { organizationAccountIds: ['123456789012', '111122223333'] },
      event: putPolicy('exports', 'arn:aws:iam::111122223333:role/Analytics'),
    },
    {
      name: "granting the bucket's own account does not match, even unconfigured",
      expect: false,
      event: putPolicy('exports', 'arn:aws:iam::123456789012:role/Reader'),
    },
    { name: 'a public policy is left to S3BucketPolicyPublic', expect: false, event: putPolicy('exports', '*') },
  ],
});
