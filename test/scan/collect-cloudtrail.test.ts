import { GetEventSelectorsCommand, GetTrailCommand, GetTrailStatusCommand, ListTagsCommand, ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { collectCloudTrailTrails } from '../../src/scan/collectors/cloudtrail-trail';
import { collectContext, mockedClients } from './aws-mocks';

const HOME = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main';

describe('collectCloudTrailTrails', () => {
  it("collects each trail once, in its home region and owning account, with its status, event selectors and tags, in Panther's shape", async () => {
    const aws = mockedClients();
    aws.cloudtrail.on(ListTrailsCommand).resolves({
      Trails: [
        { TrailARN: HOME, Name: 'main', HomeRegion: 'us-east-1' },
        // A multi-region trail seen from its home's perspective elsewhere, and an organization trail owned by the management account.
        { TrailARN: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/eu', Name: 'eu', HomeRegion: 'eu-west-1' },
        { TrailARN: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org', Name: 'org', HomeRegion: 'us-east-1' },
      ],
    });
    aws.cloudtrail.on(GetTrailCommand, { Name: HOME }).resolves({
      Trail: {
        Name: 'main',
        TrailARN: HOME,
        HomeRegion: 'us-east-1',
        IsMultiRegionTrail: true,
        IsOrganizationTrail: false,
        IncludeGlobalServiceEvents: true,
        LogFileValidationEnabled: false,
        S3BucketName: 'acme-cloudtrail',
        HasCustomEventSelectors: false,
      },
    });
    aws.cloudtrail
      .on(GetTrailStatusCommand, { Name: HOME })
      .resolves({ IsLogging: true, LatestDeliveryTime: new Date('2026-11-22T09:55:00Z'), LatestDeliveryError: '' });
    aws.cloudtrail
      .on(GetEventSelectorsCommand, { TrailName: HOME })
      .resolves({ TrailARN: HOME, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] });
    aws.cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [{ ResourceId: HOME, TagsList: [{ Key: 'owner', Value: 'security' }] }] });

    const result = await collectCloudTrailTrails(aws.clients, collectContext({ region: 'us-east-1' }));

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.CloudTrail',
        ResourceId: HOME,
        AccountId: '123456789012',
        Region: 'us-east-1',
        Arn: HOME,
        Id: null,
        Name: 'main',
        Tags: { owner: 'security' },
        TimeCreated: null,
        CloudWatchLogsLogGroupArn: null,
        CloudWatchLogsRoleArn: null,
        HasCustomEventSelectors: false,
        HomeRegion: 'us-east-1',
        IncludeGlobalServiceEvents: true,
        IsMultiRegionTrail: true,
        IsOrganizationTrail: false,
        KmsKeyId: null,
        LogFileValidationEnabled: false,
        S3BucketName: 'acme-cloudtrail',
        S3KeyPrefix: null,
        SnsTopicARN: null,
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
        AdvancedEventSelectors: null,
        Status: { IsLogging: true, LatestDeliveryTime: '2026-11-22T09:55:00.000Z', LatestDeliveryError: '' },
      },
    ]);
    expect(aws.cloudtrail.commandCalls(GetTrailCommand)).toHaveLength(1);
  });
});
