import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import {
  accountOf,
  actorOf,
  baseEventName,
  callContext,
  isAwsServiceCall,
  isOrganizationAccount,
  requestText,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

/**
 * Who the new statement lets in from outside: `*` without an organization or source condition, or
 * an AWS account outside the organization. Service principals (s3.amazonaws.com…) are how triggers
 * work and are left alone.
 */
function outsider(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const principal = requestText(event, 'principal');
  if (principal === undefined) return undefined;
  if (principal === '*') {
    const scoped = requestText(event, 'principalOrgID') ?? requestText(event, 'sourceAccount') ?? requestText(event, 'sourceArn');
    return scoped === undefined ? 'everyone' : undefined;
  }
  const account = principalAccount(principal);
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? principal : undefined;
}

function functionOf(event: CloudTrailEvent): string {
  return requestText(event, 'functionName') ?? 'unknown function';
}

function addPermission(params: Record<string, unknown>, fields: Parameters<typeof cloudTrailWrite>[0] = {}): ReturnType<typeof cloudTrailWrite> {
  return cloudTrailWrite({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: { action: 'lambda:InvokeFunction', functionName: 'orders-api', statementId: 'backdoor', ...params },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaPermissionGrantedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A Lambda function's resource policy now lets someone outside the organization call it: everyone (`*` with no organization or source condition) or another AWS account (detections.organizationAccountIds; only the function's own account counts as inside while that is empty). A function anyone can invoke is a backdoor into whatever its role can reach.",
  runbook:
    "Read the new statement (responseElements.statement). Unless the outside account is a known partner, remove it (`aws lambda remove-permission --statement-id …`), then check the function's invocations from outside (CloudTrail data events, the function's logs) and what its role did. Ask the actor why.",
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  tags: ['TA0003:T1098', 'TA0005:T1222'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'lambda.amazonaws.com' &&
    baseEventName(event) === 'AddPermission' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    outsider(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} let ${outsider(event, settings) ?? 'an outsider'} invoke Lambda function ${functionOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${functionOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsider(event, settings) === 'everyone' ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsider: outsider(event, settings), statement: event.responseElements?.['statement'] }),
  tests: [
    { name: 'letting everyone invoke a function matches', expect: true, event: addPermission({ principal: '*' }) },
    { name: 'letting another account invoke it matches', expect: true, event: addPermission({ principal: 'arn:aws:iam::193672423079:root' }) },
    {
      name: 'letting an organization account invoke it does not match',
      expect: false,
      settings: { organizationAccountIds: ['123456789012', '111122223333'] },
      event: addPermission({ principal: '111122223333' }),
    },
    {
      name: 'an S3 trigger from the bucket does not match',
      expect: false,
      event: addPermission({ principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads', sourceAccount: '123456789012' }),
    },
    { name: 'everyone scoped to the organization does not match', expect: false, event: addPermission({ principal: '*', principalOrgID: 'o-a1b2c3d4e5' }) },
  ],
});
