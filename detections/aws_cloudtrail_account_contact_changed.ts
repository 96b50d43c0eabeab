import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

const CHANGES = new Set(['PutAlternateContact', 'DeleteAlternateContact', 'PutContactInformation']);

function contactOf(event: CloudTrailEvent): string {
  if (event.eventName === 'PutContactInformation') return 'primary contact';
  return `${(requestText(event, 'AlternateContactType') ?? 'alternate').toLowerCase()} contact`;
}

/** The security contact is where AWS sends abuse reports and leaked-key notices. */
function severityOf(event: CloudTrailEvent): Severity {
  return requestText(event, 'AlternateContactType') === 'SECURITY' ? 'HIGH' : 'MEDIUM';
}

export default defineRule({
  id: 'AWS.CloudTrail.AccountContactChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "The account's primary contact or an alternate (security, billing, operations) contact was changed or removed. AWS sends leaked-key notices, abuse reports and bills there; an intruder who redirects the security contact hears AWS's warnings instead of you.",
  runbook:
    'Check the new contact details in the Account console. Unless the change was planned, restore them and ask the actor why; then look for the events AWS would have warned about (quarantined keys, abuse reports) since.',
  reference: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
  tags: ['TA0005:T1562.001', 'TA0003:T1098'],
  rule: (event) => event.eventSource === 'account.amazonaws.com' && CHANGES.has(event.eventName ?? '') && succeeded(event),
  title: (event) =>
    `${actorOf(event)} ${event.eventName === 'DeleteAlternateContact' ? 'removed' : 'changed'} the ${contactOf(event)} of ${requestText(event, 'AccountId') ?? accountOf(event)}`,
  dedup: (event) => `${requestText(event, 'AccountId') ?? accountOf(event)}:${contactOf(event)}`,
  dynamicSeverity: severityOf,
  alertContext: callContext,
  tests: [
    {
      name: 'changing the security contact matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'account.amazonaws.com',
        eventName: 'PutAlternateContact',
        requestParameters: {
          AlternateContactType: 'SECURITY',
          EmailAddress: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          Name: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          PhoneNumber: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          Title: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        },
      }),
    },
    {
      name: 'removing the billing contact matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'account.amazonaws.com',
        eventName: 'DeleteAlternateContact',
        requestParameters: { AlternateContactType: 'BILLING' },
      }),
    },
    {
      name: 'reading a contact does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'account.amazonaws.com',
        eventName: 'GetAlternateContact',
        readOnly: true,
        requestParameters: { AlternateContactType: 'SECURITY' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'account.amazonaws.com',
        eventName: 'PutAlternateContact',
        errorCode: 'AccessDeniedException',
        requestParameters: { AlternateContactType: 'SECURITY' },
      }),
    },
  ],
});
