import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function keyOf(event: CloudTrailEvent): string {
  return requestText(event, 'keyId') ?? 'unknown key';
}

export default defineRule({
  id: 'AWS.CloudTrail.KmsKeyMaterialDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'The imported key material of a KMS key was deleted. Unlike disabling or scheduling deletion, this takes effect at once: everything encrypted under the key is unreadable until the same material is imported again, which only whoever kept a copy can do.',
  runbook:
    "Find who holds the original key material and re-import it (`aws kms import-key-material`). Ask the actor why; if nobody planned it, treat it as destruction or extortion in progress: revoke the actor's sessions and check what else they touched (KMS key policies, backups).",
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-delete-key-material.html',
  tags: ['TA0040:T1485', 'TA0040:T1486'],
  rule: (event) => event.eventSource === 'kms.amazonaws.com' && event.eventName === 'DeleteImportedKeyMaterial' && succeeded(event),
  title: (event) => `${actorOf(event)} deleted the imported key material of KMS key ${keyOf(event)} in ${whereOf(event)}`,
  dedup: (event: CloudTrailEvent) => `${accountOf(event)}:${keyOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting imported key material matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'DeleteImportedKeyMaterial',
        requestParameters: { keyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
    {
      name: 'importing key material does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'ImportKeyMaterial',
        requestParameters: {
          keyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'DeleteImportedKeyMaterial',
        errorCode: 'AccessDeniedException',
        requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
  ],
});
