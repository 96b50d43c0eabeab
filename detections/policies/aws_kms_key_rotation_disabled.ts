import { definePolicy } from '../../src/detect/policy';
import { kmsKey } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.KMS.Key.RotationDisabled',
  resourceTypes: ['AWS.KMS.Key'],
  severity: 'MEDIUM',
  description:
    'Automatic rotation is off for a customer-managed symmetric key, so the same key material protects data indefinitely and any exposure of it has no end date. (Keys where AWS offers no automatic rotation — asymmetric, HMAC, imported — are not checked.)',
  runbook:
    'Enable automatic rotation (KMS → the key → Key rotation). Rotation keeps old material for decryption, so nothing needs re-encrypting and applications need no change.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  tags: ['TA0006:T1552.004'],
  policy: (key) => key.KeyManager === 'AWS' || key.KeyRotationEnabled !== false,
  title: (key) => `KMS key ${key.Id ?? key.ResourceId}${key.Description ? ` (${key.Description})` : ''} in ${key.Region} does not rotate`,
  tests: [
    { name: 'a rotating key complies', expect: true, resource: kmsKey() },
    {
      name: 'an asymmetric key, for which rotation does not apply, complies',
      expect: true,
      resource: kmsKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', KeyRotationEnabled: null }),
    },
    { name: 'a symmetric key without rotation fails', expect: false, resource: kmsKey({ KeyRotationEnabled: false }) },
  ],
});
