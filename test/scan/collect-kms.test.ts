import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand, ListResourceTagsCommand, type KeyMetadata } from '@aws-sdk/client-kms';
import { collectKmsKeys } from '../../src/scan/collectors/kms-key';
import { collectContext, mockedClients } from './aws-mocks';

function metadata(keyId: string, fields: Partial<KeyMetadata> = {}): { KeyMetadata: KeyMetadata } {
  return {
    KeyMetadata: {
      KeyId: keyId,
      Arn: `arn:aws:kms:us-east-1:123456789012:key/${keyId}`,
      KeyManager: 'CUSTOMER',
      KeyState: 'Enabled',
      Enabled: true,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      CreationDate: new Date('2025-02-01T00:00:00Z'),
      Description: '',
      ...fields,
    },
  };
}

describe('collectKmsKeys', () => {
  it('collects customer-managed keys only, leaving AWS-managed keys out without an error', async () => {
    const aws = mockedClients();
    aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'mine' }, { KeyId: 'aws-s3' }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: 'mine' }).resolves(metadata('mine', { Description: 'app data' }));
    aws.kms.on(DescribeKeyCommand, { KeyId: 'aws-s3' }).resolves(metadata('aws-s3', { KeyManager: 'AWS' }));
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    aws.kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: 'team', TagValue: 'payments' }] });

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.KMS.Key',
        ResourceId: 'arn:aws:kms:us-east-1:123456789012:key/mine',
        AccountId: '123456789012',
        Region: 'us-east-1',
        Tags: { team: 'payments' },
        TimeCreated: '2025-02-01T00:00:00.000Z',
        KeyId: 'mine',
        Arn: 'arn:aws:kms:us-east-1:123456789012:key/mine',
        Description: 'app data',
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
        MultiRegion: false,
        DeletionDate: null,
        RotationEnabled: false,
        RotationPeriodInDays: null,
      },
    ]);
    expect(aws.kms.commandCalls(GetKeyRotationStatusCommand).map((call) => call.args[0].input.KeyId)).toEqual(['mine']);
  });

  it('does not ask for rotation where KMS has none: asymmetric, imported, or pending deletion', async () => {
    const aws = mockedClients();
    aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'signing' }, { KeyId: 'imported' }, { KeyId: 'doomed' }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: 'signing' }).resolves(metadata('signing', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    aws.kms.on(DescribeKeyCommand, { KeyId: 'imported' }).resolves(metadata('imported', { Origin: 'EXTERNAL' }));
    aws.kms.on(DescribeKeyCommand, { KeyId: 'doomed' }).resolves(metadata('doomed', { KeyState: 'PendingDeletion', Enabled: false, DeletionDate: new Date('2026-12-01T00:00:00Z') }));
    aws.kms.on(ListResourceTagsCommand).resolves({});

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.KeyId, r.RotationEnabled, r.DeletionDate])).toEqual([
      ['signing', null, null],
      ['imported', null, null],
      ['doomed', null, '2026-12-01T00:00:00.000Z'],
    ]);
    expect(aws.kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
  });
});
