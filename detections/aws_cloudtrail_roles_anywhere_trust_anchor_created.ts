import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const CHANGES = new Set(['CreateTrustAnchor', 'UpdateTrustAnchor']);

function anchorOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'name') ?? requestText(event, 'trustAnchorId') ?? text(dig(event.responseElements, 'trustAnchor', 'name')) ?? 'unknown trust anchor'
  );
}

function sourceTypeOf(event: CloudTrailEvent): string | undefined {
  return text(dig(requestParam(event, 'source'), 'sourceType'));
}

export default defineRule({
  id: 'AWS.CloudTrail.RolesAnywhereTrustAnchorCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An IAM Roles Anywhere trust anchor was created or its certificate authority changed. Whoever holds a certificate from that CA can then get credentials for the roles its profiles name, from anywhere and without an IAM user: an attacker-supplied CA is persistent access that survives key rotation.',
  runbook:
    "Check the anchor's CA (alert context: source) against the PKI your organization runs. If it is not yours, disable the anchor (`aws rolesanywhere disable-trust-anchor`), delete the profiles created with it, and search CloudTrail for CreateSession calls (rolesanywhere.amazonaws.com) to see which roles were used.",
  reference: 'https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html',
  tags: ['TA0003:T1098.001', 'TA0006:T1649'],
  rule: (event) => event.eventSource === 'rolesanywhere.amazonaws.com' && CHANGES.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) =>
    `${actorOf(event)} ${event.eventName === 'CreateTrustAnchor' ? 'created' : 'changed'} Roles Anywhere trust anchor ${anchorOf(event)} (${sourceTypeOf(event) ?? 'unknown CA type'}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${anchorOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), source: requestParam(event, 'source') }),
  tests: [
    {
      name: 'creating a trust anchor with an outside CA matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rolesanywhere.amazonaws.com',
        eventName: 'CreateTrustAnchor',
        userIdentity: iamUserIdentity('christophe'),
        requestParameters: {
          enabled: true,
          name: 'stratus-red-team-trust-anchor',
          source: { sourceData: { x509CertificateData: '-----BEGIN CERTIFICATE-----MIIB…' }, sourceType: 'CERTIFICATE_BUNDLE' },
        },
      }),
    },
    {
      name: "changing an anchor's CA matches",
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rolesanywhere.amazonaws.com',
        eventName: 'UpdateTrustAnchor',
        requestParameters: { trustAnchorId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', source: { sourceType: 'AWS_ACM_PCA' } },
      }),
    },
    {
      name: 'listing trust anchors does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'rolesanywhere.amazonaws.com', eventName: 'ListTrustAnchors', readOnly: true }),
    },
    {
      name: 'a denied creation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rolesanywhere.amazonaws.com',
        eventName: 'CreateTrustAnchor',
        errorCode: 'AccessDeniedException',
        requestParameters: { name: 'x' },
      }),
    },
  ],
});
