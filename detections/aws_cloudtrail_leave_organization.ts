import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite, rootIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, wasDenied } from './lib/cloudtrail_fields';

/** From the member side (LeaveOrganization) or the management side (RemoveAccountFromOrganization). */
const DEPARTURES = new Set(['LeaveOrganization', 'RemoveAccountFromOrganization']);

function departingAccount(event: CloudTrailEvent): string {
  return requestText(event, 'accountId') ?? accountOf(event);
}

export default defineRule({
  id: 'AWS.CloudTrail.LeaveOrganization',
  logTypes: ['AWS.CloudTrail'],
  severity: 'CRITICAL',
  description:
    'An account left (or was removed from) the AWS organization, or someone tried to and was denied (high severity: the intent alone says the account is in hostile hands). Outside the organization it escapes every SCP, the organization trail, and delegated security services: attackers do this to keep an account for themselves.',
  runbook:
    'Contact the account owner and the organization administrators immediately. If unplanned, the account is likely taken over: from the management account, try to re-invite it; work with AWS Support on ownership; review the root and IAM activity that preceded the departure.',
  reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_remove.html',
  tags: ['TA0005:T1666', 'TA0040:T1531'],
  rule: (event) => event.eventSource === 'organizations.amazonaws.com' && DEPARTURES.has(event.eventName ?? '') && (!event.errorCode || wasDenied(event)),
  title: (event) =>
    `${actorOf(event)} ${event.errorCode ? 'tried to take' : 'took'} account ${departingAccount(event)} out of the organization (${event.eventName}${event.errorCode ? `, ${event.errorCode}` : ''})`,
  dynamicSeverity: (event) => (event.errorCode ? 'HIGH' : 'CRITICAL'),
  dedup: (event) => `org-departure:${departingAccount(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a member leaving matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'LeaveOrganization',
        userIdentity: rootIdentity('111122223333'),
        recipientAccountId: '111122223333',
        requestParameters: null,
      }),
    },
    {
      name: 'the management account removing a member matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'RemoveAccountFromOrganization',
        requestParameters: { accountId: '111122223333' },
      }),
    },
    {
      name: 'a denied attempt to leave matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'LeaveOrganization',
        userIdentity: assumedRoleIdentity('stratus-red-team-leave-org-role', 'aws-go-sdk-1722587398902687000'),
        errorCode: 'AccessDenied',
        requestParameters: null,
      }),
    },
    {
      name: 'a call that failed for another reason does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'LeaveOrganization',
        errorCode: 'AWSOrganizationsNotInUseException',
        requestParameters: null,
      }),
    },
    {
      name: 'inviting an account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'InviteAccountToOrganization',
        requestParameters: { target: { type: 'ACCOUNT', id: '444455556666' } },
      }),
    },
  ],
});
