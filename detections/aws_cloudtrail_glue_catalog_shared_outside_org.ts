import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return event.eventName === 'PutResourcePolicy' ? resourcePolicyOutsiders(requestParam(event, 'policyInJson'), event, settings) : [];
}

function policy(principal: unknown): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
        Resource: 'arn:aws:glue:us-east-1:123456789012:*',
      },
    ],
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.GlueCatalogSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'The Glue Data Catalog resource policy now lets everyone, or an account outside the organization, read the catalog: the map of every table in the data lake and where its data lives, and with Lake Formation hybrid access, a path to the data.',
  runbook:
    'Read the policy (alert context). Unless the outside account is a known consumer, restore the previous policy (`aws glue put-resource-policy`) or delete it, and check Glue and S3 data events for reads by that account since the change.',
  reference: 'https://docs.aws.amazon.com/glue/latest/dg/cross-account-access.html',
  tags: ['TA0010:T1537', 'TA0007:T1619'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'glue.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened the Glue Data Catalog to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${requestText(event, 'resourceArn') ?? 'catalog'}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a catalog readable by an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'glue.amazonaws.com',
        eventName: 'PutResourcePolicy',
        requestParameters: { policyInJson: policy({ AWS: 'arn:aws:iam::444455556666:root' }), enableHybrid: 'TRUE' },
      }),
    },
    {
      name: 'a catalog readable by a sibling account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'glue.amazonaws.com',
        eventName: 'PutResourcePolicy',
        requestParameters: { policyInJson: policy({ AWS: 'arn:aws:iam::111122223333:root' }) },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'glue.amazonaws.com',
        eventName: 'PutResourcePolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { policyInJson: policy('*') },
      }),
    },
  ],
});
