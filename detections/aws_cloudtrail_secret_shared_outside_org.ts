import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return event.eventName === 'PutResourcePolicy' ? resourcePolicyOutsiders(requestParam(event, 'resourcePolicy'), event, settings) : [];
}

function secretOf(event: CloudTrailEvent): string {
  return requestText(event, 'secretId') ?? 'unknown secret';
}

function policy(principal: unknown): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
  });
}

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf';

export default defineRule({
  id: 'AWS.CloudTrail.SecretSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A Secrets Manager resource policy now lets everyone, or an account outside the organization, act on a secret: a standing way to read the secret from outside, without touching your identities again.',
  runbook:
    'Delete or restore the resource policy (`aws secretsmanager delete-resource-policy`), then rotate the secret: assume it has been read. Check GetSecretValue calls on it from other accounts since the change, and ask the actor why the policy was set.',
  reference: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
  tags: ['TA0006:T1555.006', 'TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'secretsmanager.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened secret ${secretOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${secretOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a secret readable by an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'PutResourcePolicy',
        requestParameters: { secretId: SECRET, resourcePolicy: policy({ AWS: 'arn:aws:iam::444455556666:user/ext' }), blockPublicPolicy: false },
      }),
    },
    {
      name: 'a secret readable by everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'PutResourcePolicy',
        requestParameters: { secretId: SECRET, resourcePolicy: policy('*') },
      }),
    },
    {
      name: 'a grant to a role of this account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'PutResourcePolicy',
        requestParameters: { secretId: SECRET, resourcePolicy: policy({ AWS: 'arn:aws:iam::123456789012:role/orders-api' }) },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'PutResourcePolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { secretId: SECRET, resourcePolicy: policy('*') },
      }),
    },
  ],
});
