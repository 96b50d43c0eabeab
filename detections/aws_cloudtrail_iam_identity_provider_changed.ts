import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestText, succeeded } from './lib/cloudtrail_fields';

/** Who the account trusts to vouch for identities: a new or changed provider can mint sessions at will. */
const PROVIDER_CHANGES = new Set([
  'CreateSAMLProvider',
  'UpdateSAMLProvider',
  'CreateOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
  'AddClientIDToOpenIDConnectProvider',
]);

function providerOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'name') ??
    requestText(event, 'sAMLProviderArn') ??
    requestText(event, 'url') ??
    requestText(event, 'openIDConnectProviderArn') ??
    'unknown provider'
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.IamIdentityProviderChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A SAML or OIDC identity provider was created or changed. Whoever controls a trusted provider can sign in to any role that trusts it, without IAM credentials (the "golden SAML" persistence technique).',
  runbook:
    'Confirm with the identity team that the provider (metadata, URL, thumbprint, client ids in the alert context) is theirs. If not, delete it, then look for AssumeRoleWithSAML / AssumeRoleWithWebIdentity calls through it and for roles whose trust policy was changed to name it.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html',
  tags: ['TA0004:T1484.002', 'TA0005:T1484.002', 'TA0003:T1556.007'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && PROVIDER_CHANGES.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} called ${event.eventName} for ${providerOf(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${providerOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a new SAML provider matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateSAMLProvider',
        requestParameters: { name: 'okta-backup', sAMLMetadataDocument: '<EntityDescriptor ...>' },
      }),
    },
    {
      name: 'a new OIDC provider matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateOpenIDConnectProvider',
        requestParameters: {
          url: 'https://token.actions.githubusercontent.com',
          clientIDList: ['sts.amazonaws.com'],
          thumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
        },
      }),
    },
    {
      name: 'listing providers does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'ListSAMLProviders', readOnly: true }),
    },
  ],
});
