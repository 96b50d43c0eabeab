import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { collectKmsKeys } from '../../src/scan/collectors/kms-key';
import { collectContext, mockedClients } from './aws-mocks';

const KEY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }],
});

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
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: KEY_POLICY, PolicyName: 'default' });

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.KMS.Key',
        ResourceId: 'arn:aws:kms:us-east-1:123456789012:key/mine',
        AccountId: '123456789012',
        Region: 'us-east-1',
        Arn: 'arn:aws:kms:us-east-1:123456789012:key/mine',
        Id: 'mine',
        Name: null,
        Tags: { team: 'payments' },
        TimeCreated: '2025-02-01T00:00:00.000Z',
        CloudHsmClusterId: null,
        CustomKeyStoreId: null,
        DeletionDate: null,
        Description: 'app data',
        Enabled: true,
        ExpirationModel: null,
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        Origin: 'AWS_KMS',
        ValidTo: null,
        MultiRegion: null,
        KeyRotationEnabled: false,
        RotationPeriodInDays: null,
        Policy: KEY_POLICY,
      },
    ]);
    expect(aws.kms.commandCalls(GetKeyRotationStatusCommand).map((call) => call.args[0].input.KeyId)).toEqual(['mine']);
  });

  it('does not ask for rotation where KMS has none: asymmetric, imported, or pending deletion', async () => {
    const aws = mockedClients();
    aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'signing' }, { KeyId: 'imported' }, { KeyId: 'doomed' }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: 'signing' }).resolves(metadata('signing', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    aws.kms.on(DescribeKeyCommand, { KeyId: 'imported' }).resolves(metadata('imported', { Origin: 'EXTERNAL' }));
    aws.kms
      .on(DescribeKeyCommand, { KeyId: 'doomed' })
      .resolves(metadata('doomed', { KeyState: 'PendingDeletion', Enabled: false, DeletionDate: new Date('2026-12-01T00:00:00Z') }));
    aws.kms.on(ListResourceTagsCommand).resolves({});
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: KEY_POLICY });

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.Id, r.KeyRotationEnabled, r.DeletionDate])).toEqual([
      ['signing', null, null],
      ['imported', null, null],
      ['doomed', null, '2026-12-01T00:00:00.000Z'],
    ]);
    expect(aws.kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
  });
});
