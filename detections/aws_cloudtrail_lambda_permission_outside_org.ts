import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './fields';
import { accountOf, actorOf, baseEventName, callContext, isOrganizationAccount, requestText, succeeded, whereOf } from './cloudtrail_fields';

const PERMISSION_CALLS = new Set(['AddPermission', 'AddLayerVersionPermission']);

/**
 * Who the new statement lets in. `*` with no source or organization condition is everyone; an
 * account outside the organization is an outsider; a service principal without aws:SourceArn /
 * SourceAccount lets that service act for any customer (the confused-deputy case). Function URL
 * permissions (`functionUrlAuthType`) are AWS.CloudTrail.LambdaFunctionUrlChanged's.
 */
function grantee(event: CloudTrailEvent): string | undefined {
  if (requestText(event, 'functionUrlAuthType')) return undefined;
  const principal = requestText(event, 'principal') ?? '';
  const scoped = Boolean(requestText(event, 'sourceArn') ?? requestText(event, 'sourceAccount') ?? requestText(event, 'principalOrgID') ?? requestText(event, 'organizationId'));
  if (principal === '*') return scoped ? undefined : 'everyone';
  if (principal.endsWith('.amazonaws.com')) return scoped ? undefined : `any account's ${principal}`;
  const account = principalAccount(principal);
  return account !== undefined && !isOrganizationAccount(account) ? account : undefined;
}

function targetOf(event: CloudTrailEvent): string {
  const layer = requestText(event, 'layerName');
  return layer ? `layer ${layer}` : `function ${requestText(event, 'functionName') ?? 'unknown'}`;
}

function permission(fields: Record<string, unknown>): Record<string, unknown> {
  return { functionName: 'orders-api', statementId: 'allow-ext', action: 'lambda:InvokeFunction', ...fields };
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaPermissionOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'A Lambda function or layer permission now lets everyone, an account outside the organization, or any customer of an AWS service invoke the function (or use the layer). Invocation runs code with the function\'s role: an outside door into the account.',
  runbook:
    'Read the permission (alert context). Remove it unless it is a known integration (`aws lambda remove-permission --statement-id …`), and scope legitimate service triggers with SourceArn and SourceAccount. Review the function\'s invocations and its code since the change.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html',
  tags: ['TA0003:T1098', 'TA0002:T1648'],
  rule: (event) => event.eventSource === 'lambda.amazonaws.com' && PERMISSION_CALLS.has(baseEventName(event)) && succeeded(event) && grantee(event) !== undefined,
  title: (event) => `${actorOf(event)} let ${grantee(event) ?? 'an outsider'} use Lambda ${targetOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${targetOf(event)}`,
  dynamicSeverity: (event) => (grantee(event) === 'everyone' ? 'CRITICAL' : (grantee(event) ?? '').startsWith("any account's") ? 'MEDIUM' : 'HIGH'),
  alertContext: (event) => ({ ...callContext(event), grantee: grantee(event) }),
  tests: [
    { name: 'invoke permission for everyone matches', expect: true, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: '*' }) }) },
    { name: 'invoke permission for an outside account matches', expect: true, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: '444455556666' }) }) },
    { name: 'a layer shared with everyone matches', expect: true, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddLayerVersionPermission20181031', requestParameters: { layerName: 'shared-deps', versionNumber: 3, statementId: 'pub', action: 'lambda:GetLayerVersion', principal: '*' } }) },
    { name: 'an S3 trigger with no source scoping matches', expect: true, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: 's3.amazonaws.com' }) }) },
    {
      name: 'an S3 trigger scoped to its bucket and account does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::acme-uploads', sourceAccount: '123456789012' }) }),
    },
    { name: 'a layer shared with the organization does not match', expect: false, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddLayerVersionPermission20181031', requestParameters: { layerName: 'shared-deps', versionNumber: 3, statementId: 'org', action: 'lambda:GetLayerVersion', principal: '*', organizationId: 'o-a1b2c3d4e5' } }) },
    { name: 'a function URL permission is left to the function URL rule', expect: false, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: '*', action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'NONE' }) }) },
    { name: 'invoke permission for an organization account does not match', expect: false, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: 'arn:aws:iam::111122223333:role/caller' }) }) },
    { name: 'a denied attempt does not match', expect: false, event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', errorCode: 'AccessDeniedException', requestParameters: permission({ principal: '*' }) }) },
  ],
});
