import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isOrganizationAccount, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function outsideAccount(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  if (event.eventName !== 'EnableAddressTransfer') return undefined;
  const account = requestText(event, 'transferAccountId');
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? account : undefined;
}

export default defineRule({
  id: 'AWS.CloudTrail.ElasticIpTransferOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An Elastic IP address was offered for transfer to an account outside the organization. Once accepted, the outside account owns an address your DNS records, allow-lists and partners still trust.',
  runbook:
    'Cancel the transfer before it is accepted (`aws ec2 disable-address-transfer`). If it was already accepted, remove the address from DNS and allow-lists at once. Ask the actor why.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/WorkWithEIPs.html#transfer-EIPs-intro',
  tags: ['TA0042:T1584'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'ec2.amazonaws.com' && succeeded(event) && outsideAccount(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} offered Elastic IP ${requestText(event, 'allocationId') ?? 'unknown'} to outside account ${outsideAccount(event, settings) ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'allocationId') ?? 'unknown'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a transfer to an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'EnableAddressTransfer',
        requestParameters: { allocationId: 'eipalloc-0a1b2c3d4e5f67890', transferAccountId: '444455556666' },
      }),
    },
    {
      name: 'a transfer to a sibling account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventName: 'EnableAddressTransfer',
        requestParameters: { allocationId: 'eipalloc-0a1b2c3d4e5f67890', transferAccountId: '111122223333' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'EnableAddressTransfer',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { allocationId: 'eipalloc-0a1b', transferAccountId: '444455556666' },
      }),
    },
  ],
});
