import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { rules } from '../../detections';
import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createDetectionSetup } from '../../src/ingest/detection-setup';
import { createDynamoSettingsStore } from '../../src/store/dynamo-settings-store';

/** Never called: the warning is decided when the setup is built, before any batch reads settings. */
const unreachableStore = createDynamoSettingsStore({
  ddb: DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  ),
  table: 'unused',
});

function build(detectionSettings: typeof EMPTY_DETECTION_SETTINGS): string[] {
  const warnings: string[] = [];
  createDetectionSetup({
    rules,
    settings: unreachableStore,
    detectionSettings,
    timeBudgetMs: 100,
    now: () => DateTime.fromISO('2026-11-22T10:00:00Z'),
    warn: (message) => warnings.push(message),
  });
  return warnings;
}

describe('the ingest detection setup', () => {
  it('warns once at start, naming each empty setting and the rules that need it', () => {
    const warnings = build(EMPTY_DETECTION_SETTINGS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('detections.organizationAccountIds is empty; used by AWS.CloudTrail.AmiSharedOutsideOrg');
    expect(warnings[0]).toContain('detections.approvedRegions is empty; used by AWS.CloudTrail.UnapprovedRegionActivity');
  });

  it('stays silent when every setting the pack reads is filled in', () => {
    const full = {
      ...EMPTY_DETECTION_SETTINGS,
      organizationAccountIds: ['123456789012'],
      approvedRegions: ['eu-west-1'],
      allowedNetworks: ['10.0.0.0/8'],
      internalNetworks: ['10.0.0.0/8'],
      networkRestrictedBuckets: ['prod-*'],
      bucketAccess: [{ bucket: 'prod-*', principals: ['arn:aws:iam::123456789012:role/App'] }],
      bedrockPrincipals: ['arn:aws:iam::123456789012:role/Chat'],
      deploymentPrincipals: ['arn:aws:iam::123456789012:role/Deploy'],
      privilegedGroups: ['Admins'],
      expectedEgressPorts: [443],
    };
    expect(build(full)).toEqual([]);
  });
});
