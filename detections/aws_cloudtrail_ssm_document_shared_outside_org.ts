import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, outsideRecipients, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Accounts (or `All`, shown as everyone) outside the organization the document is now shared with. */
function recipients(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (event.eventName !== 'ModifyDocumentPermission' || requestText(event, 'permissionType') !== 'Share') return [];
  return outsideRecipients(strings(requestParam(event, 'accountIdsToAdd')), event, settings);
}

function documentOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? 'unknown document';
}

function share(accounts: string[]): Record<string, unknown> {
  return { name: 'rotate-db-credentials', permissionType: 'Share', accountIdsToAdd: accounts };
}

export default defineRule({
  id: 'AWS.CloudTrail.SsmDocumentSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A Systems Manager document was shared with an account outside the organization, or made public. Run-command and automation documents hold operational scripts, internal hostnames and sometimes credentials; a public one is readable by every AWS account.',
  runbook:
    'Read the document. Unless it is meant to be public, remove the share (`aws ssm modify-document-permission --account-ids-to-remove`) and rotate any secret it contains. Ask the actor why it was shared.',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html',
  tags: ['TA0010:T1537', 'TA0006:T1552.001'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'ssm.amazonaws.com' && succeeded(event) && recipients(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} shared SSM document ${documentOf(event)} with ${recipients(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${documentOf(event)}`,
  dynamicSeverity: (event, { settings }) => (recipients(event, settings).includes('everyone') ? 'HIGH' : 'MEDIUM'),
  alertContext: (event, { settings }) => ({ ...callContext(event), recipients: recipients(event, settings) }),
  tests: [
    {
      name: 'making a document public matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'ssm.amazonaws.com', eventName: 'ModifyDocumentPermission', requestParameters: share(['All']) }),
    },
    {
      name: 'sharing with an outside account matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'ssm.amazonaws.com', eventName: 'ModifyDocumentPermission', requestParameters: share(['444455556666']) }),
    },
    {
      name: 'sharing with a sibling account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({ eventSource: 'ssm.amazonaws.com', eventName: 'ModifyDocumentPermission', requestParameters: share(['111122223333']) }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'ModifyDocumentPermission',
        errorCode: 'AccessDeniedException',
        requestParameters: share(['All']),
      }),
    },
  ],
});
