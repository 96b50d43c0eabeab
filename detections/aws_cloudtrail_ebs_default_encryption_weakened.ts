import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import { accountOf, actorOf, callContext, isOrganizationAccount, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** The default key moved to a key owned by another account: new volumes become readable (and lockable) by its owner. */
function foreignDefaultKey(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  if (event.eventName !== 'ModifyEbsDefaultKmsKeyId') return undefined;
  const key = requestText(event, 'kmsKeyId') ?? '';
  const account = principalAccount(key);
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? key : undefined;
}

function weakening(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  if (event.eventName === 'DisableEbsEncryptionByDefault') return 'turned off EBS encryption by default';
  const key = foreignDefaultKey(event, settings);
  return key ? `made ${key} (outside the organization) the default EBS key` : undefined;
}

export default defineRule({
  id: 'AWS.CloudTrail.EbsDefaultEncryptionWeakened',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "EBS encryption by default was turned off in a region, or the default EBS key was switched to a KMS key owned by an account outside the organization. New volumes and snapshots are then unencrypted (easy to share out) or encrypted under someone else's key (ransomware).",
  runbook:
    "Turn it back on (`aws ec2 enable-ebs-encryption-by-default`) or reset the default key, and ask the actor why. List volumes created since the change and re-encrypt them; for a foreign key, treat it as an attack and check whether that key's owner can now revoke your access to the data.",
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  tags: ['TA0005:T1562.001', 'TA0040:T1486'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'ec2.amazonaws.com' && succeeded(event) && weakening(event, settings) !== undefined,
  title: (event, { settings }) => `${actorOf(event)} ${weakening(event, settings) ?? 'weakened EBS default encryption'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:ebs-default-encryption`,
  dynamicSeverity: (event, { settings }) => (foreignDefaultKey(event, settings) ? 'HIGH' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'disabling encryption by default matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'DisableEbsEncryptionByDefault', requestParameters: {} }),
    },
    {
      name: 'a default key from an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'ModifyEbsDefaultKmsKeyId',
        requestParameters: { kmsKeyId: 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
    {
      name: 'a default key of this account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'ModifyEbsDefaultKmsKeyId',
        requestParameters: { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
    {
      name: 'enabling encryption by default does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'EnableEbsEncryptionByDefault', requestParameters: {} }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'DisableEbsEncryptionByDefault', errorCode: 'Client.UnauthorizedOperation', requestParameters: {} }),
    },
  ],
});
