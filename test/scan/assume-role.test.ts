import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { assumeRoleProvider } from '../../src/scan/assume-role';

const request = { accountId: '111111111111', roleArn: 'arn:aws:iam::111111111111:role/ProwlAudit', externalId: 'prowl-7d3f', sessionName: 'prowl-scan' };
const retry = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: async (): Promise<void> => undefined, random: () => 0 };
const T0 = Date.parse('2026-11-22T10:00:00Z');

describe('assumeRoleProvider', () => {
  it('reuses the session until five minutes before it expires, then assumes the role again once for concurrent callers', async () => {
    const client = new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'p', secretAccessKey: 'p' } });
    const sts = mockClient(client);
    let issued = 0;
    sts.on(AssumeRoleCommand).callsFake(() => {
      issued += 1;
      return {
        Credentials: { AccessKeyId: `ASIA${issued}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(T0 + issued * 3600_000) },
        AssumedRoleUser: { Arn: 'arn:aws:sts::111111111111:assumed-role/ProwlAudit/prowl-scan', AssumedRoleId: 'x' },
      };
    });
    let now = T0;

    const provider = await assumeRoleProvider(client, request, retry, () => now);
    now = T0 + 54 * 60_000;
    expect((await provider()).accessKeyId).toBe('ASIA1');

    now = T0 + 56 * 60_000;
    const [first, second] = await Promise.all([provider(), provider()]);
    expect([first.accessKeyId, second.accessKeyId]).toEqual(['ASIA2', 'ASIA2']);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });
});
