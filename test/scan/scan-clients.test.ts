import { createScanClientFactory } from '../../src/scan/scan-clients';
import type { AccountAccess } from '../../src/scan/scan-accounts';

const access: AccountAccess = { accountId: '111111111111', credentials: async () => ({ accessKeyId: 'ASIA', secretAccessKey: 's' }) };

describe('createScanClientFactory', () => {
  it('builds clients in the asked region with adaptive retries, once per account session and region', async () => {
    const factory = createScanClientFactory({ maxAttempts: 4 });

    const clients = factory(access, 'eu-west-1');

    expect(factory(access, 'eu-west-1')).toBe(clients);
    expect(await clients.ec2.config.region()).toBe('eu-west-1');
    expect(clients.kms.config.retryMode).toBe('adaptive');
    expect(await clients.iam.config.maxAttempts()).toBe(4);
    expect(await clients.s3.config.credentials()).toMatchObject({ accessKeyId: 'ASIA' });
  });

  it('gives each bucket region its own S3 client for the same account session', async () => {
    const factory = createScanClientFactory();
    const clients = factory(access, 'us-east-1');

    expect(clients.s3ForRegion('us-east-1')).toBe(clients.s3);
    expect(await clients.s3ForRegion('ap-southeast-2').config.region()).toBe('ap-southeast-2');
    expect(factory({ ...access }, 'us-east-1')).not.toBe(clients);
  });

  it('points global WAF at us-east-1, its only endpoint, and regional WAF at the scanned region', async () => {
    const clients = createScanClientFactory()(access, 'eu-central-1');

    expect(await clients.waf.config.region()).toBe('us-east-1');
    expect(await clients.wafRegional.config.region()).toBe('eu-central-1');
    expect(await clients.guardduty.config.region()).toBe('eu-central-1');
  });
});
