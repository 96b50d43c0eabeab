import { ListAnalyzersCommand, type ListAnalyzersResponse } from '@aws-sdk/client-accessanalyzer';
import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type DescribeConfigurationRecordersResponse,
  type DescribeConfigurationRecorderStatusResponse,
} from '@aws-sdk/client-config-service';
import {
  GetDetectorCommand,
  GetMasterAccountCommand,
  ListDetectorsCommand,
  type GetDetectorResponse,
  type GetMasterAccountResponse,
} from '@aws-sdk/client-guardduty';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { policies } from '../../detections/policies';
import { collectAccessAnalyzerMeta } from '../../src/scan/collectors/access-analyzer-meta';
import { collectConfigMeta, collectConfigRecorders } from '../../src/scan/collectors/config-recorder';
import { collectGuardDutyDetectors, collectGuardDutyMeta } from '../../src/scan/collectors/guardduty-detector';
import { collectS3AccountPublicAccessBlock } from '../../src/scan/collectors/s3-account-public-access-block';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import type { Resource } from '../../src/scan/resource-types';
import { testPolicyContext } from '../../src/scan/test-resources';
import { accessDenied, awsError, collectContext, mockedClients, pagesByToken, throttled } from './aws-mocks';

const ctx = collectContext({ region: 'eu-west-1' });
const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';

/** The pack's verdicts on collected resources: which policies fail them. */
function failingPolicies(resources: readonly Resource[]): string[] {
  return evaluatePolicies(policies, [...resources], testPolicyContext()).failures.map((failure) => failure.policyId);
}

describe('GuardDuty collectors', () => {
  const detector: GetDetectorResponse = {
    CreatedAt: '2024-03-01T10:00:00.000Z',
    FindingPublishingFrequency: 'SIX_HOURS',
    ServiceRole: 'arn:aws:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
    Status: 'DISABLED',
    UpdatedAt: '2026-11-01T08:00:00.000Z',
    Tags: { team: 'security' },
    Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED', UpdatedAt: new Date('2026-11-01T08:00:00Z') }],
  };
  const master: GetMasterAccountResponse = {
    Master: { AccountId: '210987654321', InvitationId: 'inv-1', RelationshipStatus: 'Enabled', InvitedAt: '2024-03-01T10:00:00.000Z' },
  };

  it('describes each detector with its settings and administrator account, and a suspended one fails the pack', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('NextToken', { '': { DetectorIds: [DETECTOR], NextToken: 'p2' }, p2: { DetectorIds: [] } });
    aws.guardduty.on(ListDetectorsCommand).callsFake(pages.serve);
    aws.guardduty.on(GetDetectorCommand, { DetectorId: DETECTOR }).resolves(detector);
    aws.guardduty.on(GetMasterAccountCommand, { DetectorId: DETECTOR }).resolves(master);

    const result = await collectGuardDutyDetectors(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'p2']);
    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.GuardDuty.Detector',
        ResourceId: `arn:aws:guardduty:eu-west-1:123456789012:detector/${DETECTOR}`,
        Region: 'eu-west-1',
        Id: DETECTOR,
        Status: 'DISABLED',
        FindingPublishingFrequency: 'SIX_HOURS',
        Tags: { team: 'security' },
        TimeCreated: '2024-03-01T10:00:00.000Z',
        Master: { AccountId: '210987654321', InvitationId: 'inv-1', RelationshipStatus: 'Enabled', InvitedAt: '2024-03-01T10:00:00.000Z' },
        Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED', UpdatedAt: '2026-11-01T08:00:00.000Z' }],
      }),
    ]);
    expect(failingPolicies(result.resources)).toEqual(['AWS.GuardDuty.Detector.Suspended']);
  });

  it('reports a detector whose administrator cannot be read as an error for that detector only', async () => {
    const aws = mockedClients();
    aws.guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [DETECTOR] });
    aws.guardduty.on(GetDetectorCommand).resolves(detector);
    aws.guardduty.on(GetMasterAccountCommand).rejects(accessDenied('AccessDeniedException'));

    const result = await collectGuardDutyDetectors(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        resourceType: 'AWS.GuardDuty.Detector',
        resourceId: `arn:aws:guardduty:eu-west-1:123456789012:detector/${DETECTOR}`,
        operation: 'GetMasterAccount',
        kind: 'access-denied',
      }),
    ]);
  });

  it('writes one meta resource per region, naming no detector where GuardDuty is off, which fails the pack', async () => {
    const aws = mockedClients();
    aws.guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });

    const result = await collectGuardDutyMeta(aws.clients, ctx);

    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.GuardDuty.Detector.Meta',
        ResourceId: '123456789012::eu-west-1::AWS.GuardDuty.Detector.Meta',
        Region: 'eu-west-1',
        Detectors: [],
      }),
    ]);
    expect(failingPolicies(result.resources)).toEqual(['AWS.GuardDuty.Detector.Meta.NoDetector']);
  });

  it('writes no meta resource, but an error, for a region whose listing is denied, so "off" is never guessed', async () => {
    const aws = mockedClients();
    aws.guardduty.on(ListDetectorsCommand).rejects(accessDenied('AccessDeniedException'));

    const result = await collectGuardDutyMeta(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      {
        accountId: '123456789012',
        region: 'eu-west-1',
        resourceType: 'AWS.GuardDuty.Detector.Meta',
        operation: 'ListDetectors',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message: expect.any(String),
      },
    ]);
  });
});

describe('Config collectors', () => {
  const recorders: DescribeConfigurationRecordersResponse = {
    ConfigurationRecorders: [
      {
        arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/default/abcdef',
        name: 'default',
        roleARN: 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: false,
          resourceTypes: [],
          recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
        },
        recordingMode: { recordingFrequency: 'CONTINUOUS' },
      },
    ],
  };
  const status: DescribeConfigurationRecorderStatusResponse = {
    ConfigurationRecordersStatus: [
      { name: 'default', recording: false, lastStatus: 'Failure', lastErrorCode: 'AccessDenied', lastStartTime: new Date('2026-11-01T00:00:00Z') },
    ],
  };

  it("describes each recorder under Panther's capitalized names, with its recording status", async () => {
    const aws = mockedClients();
    aws.config.on(DescribeConfigurationRecordersCommand).resolves(recorders);
    aws.config.on(DescribeConfigurationRecorderStatusCommand, { ConfigurationRecorderNames: ['default'] }).resolves(status);

    const result = await collectConfigRecorders(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.Config.Recorder',
        ResourceId: '123456789012:eu-west-1:AWS.Config.Recorder:default',
        Name: 'default',
        RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
        RecordingGroup: {
          AllSupported: true,
          IncludeGlobalResourceTypes: false,
          ResourceTypes: [],
          RecordingStrategy: { UseOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
        },
        Status: { Name: 'default', Recording: false, LastStatus: 'Failure', LastErrorCode: 'AccessDenied', LastStartTime: '2026-11-01T00:00:00.000Z' },
      }),
    ]);
    expect(failingPolicies(result.resources)).toContain('AWS.Config.Recorder.NotRecordingAll');
  });

  it("counts the region's recorders and those recording global resources in the meta resource", async () => {
    const aws = mockedClients();
    aws.config.on(DescribeConfigurationRecordersCommand).resolves(recorders);

    const result = await collectConfigMeta(aws.clients, ctx);

    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceId: '123456789012::eu-west-1::AWS.Config.Recorder.Meta',
        Recorders: ['123456789012:eu-west-1:AWS.Config.Recorder:default'],
        GlobalRecorderCount: 0,
      }),
    ]);
    expect(failingPolicies(result.resources)).toEqual(['AWS.Config.Recorder.Meta.NoGlobalRecorder']);
  });

  it('rides out throttling and reports a denied region as one error', async () => {
    const aws = mockedClients();
    aws.config.on(DescribeConfigurationRecordersCommand).rejectsOnce(throttled()).resolves({ ConfigurationRecorders: [] });
    const denied = mockedClients();
    denied.config.on(DescribeConfigurationRecordersCommand).rejects(accessDenied('AccessDeniedException'));

    const region = await collectConfigMeta(aws.clients, ctx);
    const refused = await collectConfigRecorders(denied.clients, ctx);

    expect(region.resources).toEqual([expect.objectContaining({ Recorders: [], GlobalRecorderCount: 0 })]);
    expect(refused).toEqual({
      resources: [],
      errors: [expect.objectContaining({ resourceType: 'AWS.Config.Recorder', operation: 'DescribeConfigurationRecorders', kind: 'access-denied' })],
    });
  });
});

describe('Access Analyzer and S3 account Block Public Access', () => {
  it("lists the region's analyzers from every page into the meta resource", async () => {
    const aws = mockedClients();
    const page1: ListAnalyzersResponse = {
      analyzers: [
        {
          arn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/org',
          name: 'org',
          type: 'ORGANIZATION',
          status: 'ACTIVE',
          createdAt: new Date('2025-01-01T00:00:00Z'),
          tags: { owner: 'sec' },
        },
      ],
      nextToken: 'p2',
    };
    const page2: ListAnalyzersResponse = {
      analyzers: [
        {
          arn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/old',
          name: 'old',
          type: 'ACCOUNT',
          status: 'DISABLED',
          createdAt: new Date('2024-01-01T00:00:00Z'),
        },
      ],
    };
    const pages = pagesByToken('nextToken', { '': page1, p2: page2 });
    aws.accessanalyzer.on(ListAnalyzersCommand).callsFake(pages.serve);

    const result = await collectAccessAnalyzerMeta(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'p2']);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.AccessAnalyzer.Meta',
        ResourceId: '123456789012::eu-west-1::AWS.AccessAnalyzer.Meta',
        Analyzers: [
          expect.objectContaining({ name: 'org', status: 'ACTIVE', type: 'ORGANIZATION', createdAt: '2025-01-01T00:00:00.000Z', tags: { owner: 'sec' } }),
          expect.objectContaining({ name: 'old', status: 'DISABLED', type: 'ACCOUNT' }),
        ],
      }),
    ]);
    expect(failingPolicies(result.resources)).toEqual([]);
  });

  it('fails a region with only a disabled analyzer, and reports a denied region as an error', async () => {
    const aws = mockedClients();
    aws.accessanalyzer.on(ListAnalyzersCommand).resolves({
      analyzers: [
        {
          arn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/old',
          name: 'old',
          type: 'ACCOUNT',
          status: 'DISABLED',
          createdAt: new Date('2024-01-01T00:00:00Z'),
        },
      ],
    });
    const denied = mockedClients();
    denied.accessanalyzer.on(ListAnalyzersCommand).rejects(accessDenied('AccessDeniedException'));

    expect(failingPolicies((await collectAccessAnalyzerMeta(aws.clients, ctx)).resources)).toEqual(['AWS.AccessAnalyzer.Meta.NoActiveAnalyzer']);
    expect((await collectAccessAnalyzerMeta(denied.clients, ctx)).errors).toEqual([
      expect.objectContaining({ resourceType: 'AWS.AccessAnalyzer.Meta', operation: 'ListAnalyzers', kind: 'access-denied' }),
    ]);
  });

  const global = collectContext({ region: 'global' });

  it("reads the account's Block Public Access for the scanned account, once per account", async () => {
    const aws = mockedClients();
    aws.s3control
      .on(GetPublicAccessBlockCommand, { AccountId: '123456789012' })
      .resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } });

    const result = await collectS3AccountPublicAccessBlock(aws.clients, global);

    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.S3.AccountPublicAccessBlock',
        ResourceId: '123456789012::global::AWS.S3.AccountPublicAccessBlock',
        Region: 'global',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      }),
    ]);
    expect(failingPolicies(result.resources)).toEqual(['AWS.S3.AccountPublicAccessBlock.NotFullyBlocked']);
  });

  it('reads an account that never set Block Public Access as null, which fails, and a denied call as an error', async () => {
    const aws = mockedClients();
    aws.s3control.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    const denied = mockedClients();
    denied.s3control.on(GetPublicAccessBlockCommand).rejects(accessDenied());

    const unset = await collectS3AccountPublicAccessBlock(aws.clients, global);
    const refused = await collectS3AccountPublicAccessBlock(denied.clients, global);

    expect(unset.resources).toEqual([expect.objectContaining({ PublicAccessBlockConfiguration: null })]);
    expect(failingPolicies(unset.resources)).toEqual(['AWS.S3.AccountPublicAccessBlock.NotFullyBlocked']);
    expect(refused).toEqual({
      resources: [],
      errors: [
        expect.objectContaining({
          region: 'global',
          resourceType: 'AWS.S3.AccountPublicAccessBlock',
          operation: 'GetPublicAccessBlock',
          kind: 'access-denied',
        }),
      ],
    });
  });
});
