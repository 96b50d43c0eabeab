import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import { accountOf, actorOf, baseEventName, callContext, isOrganizationAccount, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Everyone (`*` without an organization id), or an account outside the organization. */
function grantee(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const principal = requestText(event, 'principal') ?? '';
  if (principal === '*') return requestText(event, 'organizationId') ? undefined : 'everyone';
  const account = principalAccount(principal);
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? account : undefined;
}

function layerOf(event: CloudTrailEvent): string {
  return `${requestText(event, 'layerName') ?? 'unknown layer'}:${requestText(event, 'versionNumber') ?? '?'}`;
}

function share(fields: Record<string, unknown>): Record<string, unknown> {
  return { layerName: 'shared-deps', versionNumber: 3, statementId: 'share', action: 'lambda:GetLayerVersion', ...fields };
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaLayerSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A Lambda layer version was shared with everyone or with an account outside the organization. Layers carry code and often configuration or credentials baked into dependencies; a public layer is readable by any AWS account.',
  runbook:
    'Check what the layer contains (download it with `aws lambda get-layer-version`). Unless it is meant to be public, remove the permission (`aws lambda remove-layer-version-permission`) and rotate any secret found in it.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html',
  tags: ['TA0010:T1537', 'TA0006:T1552.001'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'lambda.amazonaws.com' &&
    baseEventName(event) === 'AddLayerVersionPermission' &&
    succeeded(event) &&
    grantee(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} shared Lambda layer ${layerOf(event)} with ${grantee(event, settings) ?? 'an outsider'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${layerOf(event)}`,
  dynamicSeverity: (event, { settings }) => (grantee(event, settings) === 'everyone' ? 'HIGH' : 'MEDIUM'),
  alertContext: (event, { settings }) => ({ ...callContext(event), grantee: grantee(event, settings) }),
  tests: [
    {
      name: 'a layer shared with everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddLayerVersionPermission20181031',
        requestParameters: share({ principal: '*' }),
      }),
    },
    {
      name: 'a layer shared with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddLayerVersionPermission20181031',
        requestParameters: share({ principal: '444455556666' }),
      }),
    },
    {
      name: 'a layer shared with the organization does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddLayerVersionPermission20181031',
        requestParameters: share({ principal: '*', organizationId: 'o-a1b2c3d4e5' }),
      }),
    },
    {
      name: 'a layer shared with a sibling account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddLayerVersionPermission20181031',
        requestParameters: share({ principal: '111122223333' }),
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddLayerVersionPermission20181031',
        errorCode: 'AccessDeniedException',
        requestParameters: share({ principal: '*' }),
      }),
    },
  ],
});
