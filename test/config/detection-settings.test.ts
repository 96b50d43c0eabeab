import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../detections';
import { policies } from '../../detections/policies';
import { EMPTY_DETECTION_SETTINGS, parseConfigFile, unconfiguredSettings, unconfiguredSettingsWarning } from '../../src/config';
import { isProwlError } from '../../src/errors';

const minimal = `
sources: [{ label: cloudtrail, prefix: AWSLogs/ }]
slack: { defaultChannel: '#security', opsChannel: '#prowl-ops' }
`;

function errorOf(detections: string): string {
  try {
    parseConfigFile(`${minimal}\ndetections:\n${detections}`, 'prowl.config.yml');
  } catch (error) {
    if (isProwlError(error, 'prowl_config_invalid')) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('organisation settings in prowl.config.yml (detections:)', () => {
  it('start empty when the section is left out: no example accounts or regions are assumed', () => {
    expect(parseConfigFile(minimal, 'prowl.config.yml').detections).toEqual(EMPTY_DETECTION_SETTINGS);
    expect(Object.values(EMPTY_DETECTION_SETTINGS).every((value) => Array.isArray(value) && value.length === 0)).toBe(true);
  });

  it('read the values given', () => {
    const { detections } = parseConfigFile(
      `${minimal}\ndetections:\n  organizationAccountIds: ['210987654321']\n  approvedRegions: [eu-west-1]\n`,
      'prowl.config.yml',
    );
    expect(detections.organizationAccountIds).toEqual(['210987654321']);
    expect(detections.approvedRegions).toEqual(['eu-west-1']);
    expect(detections.bedrockPrincipals).toEqual([]);
  });

  it('reject an account id that is not 12 digits, naming the entry and what is expected', () => {
    expect(errorOf("  organizationAccountIds: ['123456789012', '12345']")).toContain('detections.organizationAccountIds.1: expected a 12-digit AWS account id');
  });

  it('reject a network that is not a CIDR block', () => {
    expect(errorOf("  allowedNetworks: ['10.0.0.0/33']")).toContain('detections.allowedNetworks.0: expected a CIDR block such as 10.0.0.0/8');
  });

  it('reject a region name with a typo', () => {
    expect(errorOf('  approvedRegions: [us-east1]')).toContain('detections.approvedRegions.0: expected an AWS region name');
  });

  it('reject an unknown key instead of ignoring it', () => {
    expect(errorOf('  approvedRegion: [us-east-1]')).toContain('approvedRegion');
  });

  it('reject a bucket mapping without principals', () => {
    expect(errorOf("  bucketAccess: [{ bucket: 'data-*', principals: [] }]")).toContain(
      'detections.bucketAccess.0.principals: list at least one principal glob',
    );
  });

  it('accept the example values of the shipped prowl.config.yml', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'prowl.config.yml'), 'utf8');
    expect(parseConfigFile(text, 'prowl.config.yml').detections.organizationAccountIds.length).toBeGreaterThan(0);
  });
});

describe('the start-up warning about empty settings', () => {
  const consumers = [
    { id: 'A.Rule.NeedsRegions', requiresSettings: ['approvedRegions' as const] },
    { id: 'A.Rule.NeedsRegionsToo', requiresSettings: ['approvedRegions' as const, 'bedrockPrincipals' as const] },
    { id: 'A.Rule.Disabled', enabled: false, requiresSettings: ['internalNetworks' as const] },
    { id: 'A.Rule.NeedsNothing' },
  ];

  it('lists each empty setting with the enabled rules that need it', () => {
    expect(unconfiguredSettings(consumers, EMPTY_DETECTION_SETTINGS)).toEqual([
      { setting: 'approvedRegions', ids: ['A.Rule.NeedsRegions', 'A.Rule.NeedsRegionsToo'] },
      { setting: 'bedrockPrincipals', ids: ['A.Rule.NeedsRegionsToo'] },
    ]);
    const warning = unconfiguredSettingsWarning(consumers, EMPTY_DETECTION_SETTINGS);
    expect(warning).toContain('detections.approvedRegions is empty; used by A.Rule.NeedsRegions, A.Rule.NeedsRegionsToo');
    expect(warning).not.toContain('internalNetworks');
  });

  it('says nothing once the settings are filled in', () => {
    expect(
      unconfiguredSettingsWarning(consumers, { ...EMPTY_DETECTION_SETTINGS, approvedRegions: ['eu-west-1'], bedrockPrincipals: ['arn:aws:iam::*:role/ml'] }),
    ).toBeUndefined();
  });

  it('names only settings some rule or policy of the pack declares, and every setting is declared by one', () => {
    const declared = new Set([...rules, ...policies].flatMap((item) => item.requiresSettings ?? []));
    expect([...declared].sort()).toEqual(Object.keys(EMPTY_DETECTION_SETTINGS).sort());
  });
});
