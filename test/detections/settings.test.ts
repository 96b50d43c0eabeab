import { parseDetectionSettings, settings } from '../../detections/settings';
import { isProwlError } from '../../src/errors';

function withChange(change: Record<string, unknown>): Record<string, unknown> {
  return { ...settings, ...change };
}

function messageOf(input: unknown): string {
  try {
    parseDetectionSettings(input);
  } catch (error) {
    expect(isProwlError(error, 'prowl_config_invalid')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be rejected');
}

describe('detection settings', () => {
  it('accepts the shipped settings unchanged', () => {
    expect(parseDetectionSettings(settings)).toEqual(settings);
  });

  it('rejects an account id that is not 12 digits, naming the entry and what is expected', () => {
    expect(messageOf(withChange({ organizationAccountIds: ['123456789012', '12345'] }))).toContain('settings.organizationAccountIds.1: expected a 12-digit AWS account id');
  });

  it('rejects a network that is not a CIDR block', () => {
    expect(messageOf(withChange({ allowedNetworks: ['10.0.0.0/33'] }))).toContain('settings.allowedNetworks.0: expected a CIDR block such as 10.0.0.0/8');
  });

  it('rejects a region name with a typo', () => {
    expect(messageOf(withChange({ approvedRegions: ['us-east1'] }))).toContain('settings.approvedRegions.0: expected an AWS region name');
  });

  it('rejects an unknown key instead of ignoring it', () => {
    expect(messageOf(withChange({ approvedRegion: ['us-east-1'] }))).toContain('approvedRegion');
  });

  it('rejects a bucket mapping without principals', () => {
    expect(messageOf(withChange({ bucketAccess: [{ bucket: 'acme-*', principals: [] }] }))).toContain('settings.bucketAccess.0.principals');
  });
});
