import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue, principalAccount, strings } from './lib/fields';
import { accountOf, actorOf, callContext, isOrganizationAccount, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const SHARE_CALLS = new Set(['CreateResourceShare', 'AssociateResourceShare']);

/** Accounts (bare ids or principal ARNs) outside the organization that the share now includes. */
function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (!SHARE_CALLS.has(event.eventName ?? '')) return [];
  const accounts = strings(requestParam(event, 'principals')).flatMap((principal) => {
    const account = principalAccount(principal);
    return account !== undefined && !isOrganizationAccount(account, event, settings) ? [account] : [];
  });
  return [...new Set(accounts)];
}

function opensToExternal(event: CloudTrailEvent): boolean {
  return event.eventName === 'UpdateResourceShare' && isTrue(requestParam(event, 'allowExternalPrincipals'));
}

function shareOf(event: CloudTrailEvent): string {
  return requestText(event, 'resourceShareArn') ?? requestText(event, 'name') ?? 'unknown share';
}

export default defineRule({
  id: 'AWS.CloudTrail.RamShareOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A Resource Access Manager share now includes an account outside the organization, or was opened to external principals. RAM shares subnets, transit gateways, Resolver rules, License Manager and more: a shared subnet puts an outsider's instances inside your network.",
  runbook:
    'Read which resources the share holds and who the outside account is. Unless it is a known partner, disassociate the principal (`aws ram disassociate-resource-share`) or turn off external principals, and check what the outsider created in shared subnets.',
  reference: 'https://docs.aws.amazon.com/ram/latest/userguide/working-with-sharing-create.html',
  tags: ['TA0010:T1537', 'TA0003:T1133'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'ram.amazonaws.com' && succeeded(event) && (outsiders(event, settings).length > 0 || opensToExternal(event)),
  title: (event, { settings }) =>
    `${actorOf(event)} ${opensToExternal(event) ? 'opened resource share' : 'shared resource share'} ${shareOf(event)} ${opensToExternal(event) ? 'to external principals' : `with ${outsiders(event, settings).join(', ')}`} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${shareOf(event)}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'sharing a subnet with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ram.amazonaws.com',
        eventName: 'CreateResourceShare',
        requestParameters: {
          name: 'shared-subnets',
          resourceArns: ['arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0a1b2c3d'],
          principals: ['444455556666'],
          allowExternalPrincipals: true,
        },
      }),
    },
    {
      name: 'opening a share to external principals matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ram.amazonaws.com',
        eventName: 'UpdateResourceShare',
        requestParameters: { resourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/a1b2', allowExternalPrincipals: true },
      }),
    },
    {
      name: 'sharing with an organization account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'ram.amazonaws.com',
        eventName: 'AssociateResourceShare',
        requestParameters: { resourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/a1b2', principals: ['111122223333'] },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ram.amazonaws.com',
        eventName: 'CreateResourceShare',
        errorCode: 'AccessDeniedException',
        requestParameters: { name: 'x', principals: ['444455556666'] },
      }),
    },
  ],
});
