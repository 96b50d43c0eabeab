import { DescribeCertificateCommand, ListCertificatesCommand, ListTagsForCertificateCommand, type DescribeCertificateResponse } from '@aws-sdk/client-acm';
import {
  DescribeClustersCommand as DescribeEcsClusters,
  DescribeServicesCommand,
  ListClustersCommand as ListEcsClusters,
  ListServicesCommand,
  type DescribeClustersResponse as EcsClusters,
} from '@aws-sdk/client-ecs';
import { DescribeClusterCommand, ListClustersCommand as ListEksClusters, type DescribeClusterResponse } from '@aws-sdk/client-eks';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeSSLPoliciesCommand,
  DescribeTagsCommand,
  type DescribeLoadBalancersOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeDBInstancesCommand, DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand, type DBInstance } from '@aws-sdk/client-rds';
import { DescribeClustersCommand as DescribeRedshiftClusters, DescribeLoggingStatusCommand, type Cluster as RedshiftCluster } from '@aws-sdk/client-redshift';
import { GetRateBasedRuleCommand, GetRuleCommand, GetWebACLCommand, ListTagsForResourceCommand, ListWebACLsCommand } from '@aws-sdk/client-waf';
import * as wafRegional from '@aws-sdk/client-waf-regional';
import { policies } from '../../detections/policies';
import { collectAcmCertificates } from '../../src/scan/collectors/acm-certificate';
import { collectEcsClusters } from '../../src/scan/collectors/ecs-cluster';
import { collectEksClusters } from '../../src/scan/collectors/eks-cluster';
import { collectElbv2LoadBalancers } from '../../src/scan/collectors/elbv2-load-balancer';
import { collectRdsInstances } from '../../src/scan/collectors/rds-instance';
import { collectRedshiftClusters } from '../../src/scan/collectors/redshift-cluster';
import { collectWafRegionalWebAcls, collectWafWebAcls } from '../../src/scan/collectors/waf-web-acl';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import type { Resource } from '../../src/scan/resource-types';
import { testPolicyContext } from '../../src/scan/test-resources';
import { accessDenied, awsError, collectContext, mockedClients, pagesByToken } from './aws-mocks';

const ctx = collectContext({ region: 'eu-west-1' });
const CREATED = new Date('2025-06-01T12:00:00Z');

function failingPolicies(resources: readonly Resource[]): string[] {
  return evaluatePolicies(policies, [...resources], testPolicyContext())
    .failures.map((failure) => failure.policyId)
    .sort();
}

describe('RDS instances', () => {
  const instance = (id: string, fields: Partial<DBInstance> = {}): DBInstance => ({
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:eu-west-1:123456789012:db:${id}`,
    DbiResourceId: `db-${id.toUpperCase()}`,
    DBInstanceClass: 'db.t3.micro',
    Engine: 'postgres',
    DBInstanceStatus: 'available',
    Endpoint: { Address: `${id}.abc.eu-west-1.rds.amazonaws.com`, Port: 5432 },
    InstanceCreateTime: CREATED,
    PubliclyAccessible: false,
    StorageEncrypted: true,
    BackupRetentionPeriod: 7,
    DeletionProtection: true,
    TagList: [{ Key: 'team', Value: 'orders' }],
    ...fields,
  });

  it("collects instances from every page with their manual snapshots' sharing, and the pack fails the public ones", async () => {
    const aws = mockedClients();
    const pages = pagesByToken('Marker', {
      '': { DBInstances: [instance('orders')], Marker: 'm2' },
      m2: {
        DBInstances: [
          instance('legacy', { PubliclyAccessible: true, StorageEncrypted: false, BackupRetentionPeriod: 0, DeletionProtection: false, TagList: [] }),
        ],
      },
    });
    aws.rds.on(DescribeDBInstancesCommand).callsFake(pages.serve);
    aws.rds
      .on(DescribeDBSnapshotsCommand, { DBInstanceIdentifier: 'orders' })
      .resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'orders-manual', SnapshotType: 'manual' }] });
    aws.rds
      .on(DescribeDBSnapshotsCommand, { DBInstanceIdentifier: 'legacy' })
      .resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'legacy-share', SnapshotType: 'manual' }] });
    aws.rds.on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'orders-manual' }).resolves({
      DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'orders-manual', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] },
    });
    aws.rds.on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'legacy-share' }).resolves({
      DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'legacy-share', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] },
    });

    const result = await collectRdsInstances(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'm2']);
    expect(result.errors).toEqual([]);
    expect(result.resources[0]).toEqual(
      expect.objectContaining({
        ResourceType: 'AWS.RDS.Instance',
        ResourceId: 'arn:aws:rds:eu-west-1:123456789012:db:orders',
        Name: 'orders',
        Id: 'db-ORDERS',
        Tags: { team: 'orders' },
        TimeCreated: '2025-06-01T12:00:00.000Z',
        Endpoint: { Address: 'orders.abc.eu-west-1.rds.amazonaws.com', Port: 5432 },
        SnapshotAttributes: [{ DBSnapshotIdentifier: 'orders-manual', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] }],
      }),
    );
    expect(failingPolicies(result.resources.slice(0, 1))).toEqual([]);
    expect(failingPolicies(result.resources.slice(1))).toEqual([
      'AWS.RDS.Instance.BackupsDisabled',
      'AWS.RDS.Instance.DeletionProtectionDisabled',
      'AWS.RDS.Instance.PublicSnapshot',
      'AWS.RDS.Instance.PubliclyAccessible',
      'AWS.RDS.Instance.StorageUnencrypted',
    ]);
  });

  it('leaves out an instance whose snapshots cannot be read, with an error naming it', async () => {
    const aws = mockedClients();
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('orders')] });
    aws.rds.on(DescribeDBSnapshotsCommand).rejects(accessDenied());

    const result = await collectRdsInstances(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ resourceId: 'arn:aws:rds:eu-west-1:123456789012:db:orders', operation: 'DescribeDBSnapshots', kind: 'access-denied' }),
    ]);
  });
});

describe('EKS clusters', () => {
  it("collects clusters from every page under Panther's capitalized names, keeping tag keys as written", async () => {
    const aws = mockedClients();
    const pages = pagesByToken('nextToken', { '': { clusters: ['platform'], nextToken: 'n2' }, n2: { clusters: ['legacy'] } });
    aws.eks.on(ListEksClusters).callsFake(pages.serve);
    const described = (name: string, hardened: boolean): DescribeClusterResponse => ({
      cluster: {
        name,
        arn: `arn:aws:eks:eu-west-1:123456789012:cluster/${name}`,
        createdAt: CREATED,
        version: '1.31',
        status: 'ACTIVE',
        roleArn: 'arn:aws:iam::123456789012:role/eks',
        resourcesVpcConfig: { vpcId: 'vpc-1', endpointPublicAccess: !hardened, endpointPrivateAccess: true, publicAccessCidrs: hardened ? [] : ['0.0.0.0/0'] },
        logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: hardened }] },
        encryptionConfig: hardened ? [{ resources: ['secrets'], provider: { keyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' } }] : undefined,
        tags: { 'kubernetes.io/owner': 'platform-team' },
      },
    });
    aws.eks.on(DescribeClusterCommand, { name: 'platform' }).resolves(described('platform', true));
    aws.eks.on(DescribeClusterCommand, { name: 'legacy' }).resolves(described('legacy', false));

    const result = await collectEksClusters(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'n2']);
    expect(result.resources[0]).toEqual(
      expect.objectContaining({
        ResourceId: 'arn:aws:eks:eu-west-1:123456789012:cluster/platform',
        Name: 'platform',
        Version: '1.31',
        Tags: { 'kubernetes.io/owner': 'platform-team' },
        TimeCreated: '2025-06-01T12:00:00.000Z',
        ResourcesVpcConfig: { VpcId: 'vpc-1', EndpointPublicAccess: false, EndpointPrivateAccess: true, PublicAccessCidrs: [] },
        EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' } }],
      }),
    );
    expect(failingPolicies(result.resources.slice(0, 1))).toEqual([]);
    expect(failingPolicies(result.resources.slice(1))).toEqual([
      'AWS.EKS.Cluster.ControlPlaneLoggingDisabled',
      'AWS.EKS.Cluster.PublicEndpoint',
      'AWS.EKS.Cluster.SecretsEncryptionDisabled',
    ]);
  });

  it('skips a cluster deleted since the listing and reports a denied region once', async () => {
    const aws = mockedClients();
    aws.eks.on(ListEksClusters).resolves({ clusters: ['gone'] });
    aws.eks.on(DescribeClusterCommand).rejects(awsError('ResourceNotFoundException', 404));
    const denied = mockedClients();
    denied.eks.on(ListEksClusters).rejects(accessDenied('AccessDeniedException'));

    expect(await collectEksClusters(aws.clients, ctx)).toEqual({ resources: [], errors: [] });
    expect((await collectEksClusters(denied.clients, ctx)).errors).toEqual([
      expect.objectContaining({ region: 'eu-west-1', resourceType: 'AWS.EKS.Cluster', operation: 'ListClusters', kind: 'access-denied' }),
    ]);
  });
});

describe('ACM certificates', () => {
  it('lists certificates of every key type from every page and describes each with its tags', async () => {
    const aws = mockedClients();
    const arn = (id: string): string => `arn:aws:acm:eu-west-1:123456789012:certificate/${id}`;
    const pages = pagesByToken('NextToken', {
      '': { CertificateSummaryList: [{ CertificateArn: arn('c1'), DomainName: 'example.com' }], NextToken: 't2' },
      t2: { CertificateSummaryList: [{ CertificateArn: arn('c2'), DomainName: 'old.example.com' }] },
    });
    aws.acm.on(ListCertificatesCommand).callsFake(pages.serve);
    const detail = (id: string, fields: Partial<NonNullable<DescribeCertificateResponse['Certificate']>>): DescribeCertificateResponse => ({
      Certificate: {
        CertificateArn: arn(id),
        DomainName: 'example.com',
        Status: 'ISSUED',
        Type: 'AMAZON_ISSUED',
        KeyAlgorithm: 'EC_prime256v1',
        CreatedAt: CREATED,
        NotAfter: new Date('2027-06-01T00:00:00Z'),
        InUseBy: [],
        Options: { CertificateTransparencyLoggingPreference: 'ENABLED' },
        ...fields,
      },
    });
    aws.acm
      .on(DescribeCertificateCommand, { CertificateArn: arn('c1') })
      .resolves(detail('c1', { InUseBy: ['arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1'] }));
    aws.acm
      .on(DescribeCertificateCommand, { CertificateArn: arn('c2') })
      .resolves(detail('c2', { Type: 'IMPORTED', Status: 'EXPIRED', CreatedAt: undefined, ImportedAt: new Date('2020-01-01T00:00:00Z') }));
    aws.acm.on(ListTagsForCertificateCommand).resolves({ Tags: [{ Key: 'env', Value: 'prod' }] });

    const result = await collectAcmCertificates(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 't2']);
    expect(aws.acm.commandCalls(ListCertificatesCommand)[0]!.args[0].input.Includes?.keyTypes).toEqual(
      expect.arrayContaining(['RSA_2048', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1']),
    );
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.ResourceId, r.Status, r.Type, r.NotAfter, r.InUseBy, r.Tags, r.TimeCreated])).toEqual([
      [
        arn('c1'),
        'ISSUED',
        'AMAZON_ISSUED',
        '2027-06-01T00:00:00.000Z',
        ['arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1'],
        { env: 'prod' },
        '2025-06-01T12:00:00.000Z',
      ],
      [arn('c2'), 'EXPIRED', 'IMPORTED', '2027-06-01T00:00:00.000Z', [], { env: 'prod' }, '2020-01-01T00:00:00.000Z'],
    ]);
    expect(result.resources[0]).toMatchObject({
      ResourceType: 'AWS.ACM.Certificate',
      Region: 'eu-west-1',
      Id: 'c1',
      Name: 'example.com',
      Options: { CertificateTransparencyLoggingPreference: 'ENABLED' },
    });
  });

  it('reports a certificate whose tags are denied as an error for it alone', async () => {
    const aws = mockedClients();
    aws.acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [{ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/c1' }] });
    aws.acm.on(DescribeCertificateCommand).resolves({ Certificate: { CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/c1', Status: 'ISSUED' } });
    aws.acm.on(ListTagsForCertificateCommand).rejects(accessDenied('AccessDeniedException'));

    const result = await collectAcmCertificates(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ resourceId: 'arn:aws:acm:eu-west-1:123456789012:certificate/c1', operation: 'ListTagsForCertificate', kind: 'access-denied' }),
    ]);
  });
});

describe('ECS clusters', () => {
  const clusterArn = 'arn:aws:ecs:eu-west-1:123456789012:cluster/apps';
  const described: EcsClusters = {
    clusters: [
      {
        clusterArn,
        clusterName: 'apps',
        status: 'ACTIVE',
        runningTasksCount: 3,
        activeServicesCount: 11,
        settings: [{ name: 'containerInsights', value: 'disabled' }],
        configuration: {
          executeCommandConfiguration: { logging: 'OVERRIDE', logConfiguration: { cloudWatchLogGroupName: '/ecs/exec', cloudWatchEncryptionEnabled: true } },
        },
        tags: [{ key: 'team', value: 'apps' }],
      },
    ],
    failures: [],
  };

  it('describes each cluster with settings and tags, and its services from every page, ten at a time', async () => {
    const aws = mockedClients();
    aws.ecs.on(ListEcsClusters).resolves({ clusterArns: [clusterArn] });
    aws.ecs.on(DescribeEcsClusters).resolves(described);
    const serviceArns = Array.from({ length: 11 }, (_, i) => `arn:aws:ecs:eu-west-1:123456789012:service/apps/svc-${i}`);
    const pages = pagesByToken('nextToken', { '': { serviceArns: serviceArns.slice(0, 6), nextToken: 's2' }, s2: { serviceArns: serviceArns.slice(6) } });
    aws.ecs.on(ListServicesCommand).callsFake(pages.serve);
    aws.ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((serviceArn) => ({
        serviceArn,
        serviceName: serviceArn.split('/').pop(),
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
        serviceConnectConfiguration: { enabled: true, logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/connect' } } },
      })),
      failures: [],
    }));

    const result = await collectEcsClusters(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 's2']);
    expect(aws.ecs.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input.services?.length)).toEqual([10, 1]);
    expect(aws.ecs.commandCalls(DescribeEcsClusters)[0]!.args[0].input.include).toEqual(expect.arrayContaining(['SETTINGS', 'CONFIGURATIONS', 'TAGS']));
    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0]).toMatchObject({
      ResourceType: 'AWS.ECS.Cluster',
      ResourceId: clusterArn,
      Name: 'apps',
      Tags: { team: 'apps' },
      Settings: [{ Name: 'containerInsights', Value: 'disabled' }],
      Configuration: {
        ExecuteCommandConfiguration: { Logging: 'OVERRIDE', LogConfiguration: { CloudWatchLogGroupName: '/ecs/exec', CloudWatchEncryptionEnabled: true } },
      },
      ActiveServicesCount: 11,
    });
    expect(result.resources[0]!.Services).toHaveLength(11);
    // Member names are capitalized as Panther's; the keys of a log driver's options are the user's and stay as written.
    expect(result.resources[0]!.Services?.[0]).toMatchObject({
      ServiceName: 'svc-0',
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } },
      ServiceConnectConfiguration: { Enabled: true, LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/ecs/connect' } } },
    });
  });

  it('skips a cluster deleted since the listing, and reports denied services as an error for the cluster', async () => {
    const aws = mockedClients();
    aws.ecs.on(ListEcsClusters).resolves({ clusterArns: [clusterArn, 'arn:aws:ecs:eu-west-1:123456789012:cluster/gone'] });
    aws.ecs.on(DescribeEcsClusters, { clusters: [clusterArn] }).resolves(described);
    aws.ecs
      .on(DescribeEcsClusters, { clusters: ['arn:aws:ecs:eu-west-1:123456789012:cluster/gone'] })
      .resolves({ clusters: [], failures: [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/gone', reason: 'MISSING' }] });
    aws.ecs.on(ListServicesCommand).rejects(accessDenied('AccessDeniedException'));

    const result = await collectEcsClusters(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ resourceId: clusterArn, operation: 'ListServices', kind: 'access-denied' })]);
  });
});

describe('ELBv2 load balancers', () => {
  const albArn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
  const nlbArn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/tcp/73e2d6bc24d8a067';
  const balancers: DescribeLoadBalancersOutput = {
    LoadBalancers: [
      {
        LoadBalancerArn: albArn,
        LoadBalancerName: 'web',
        DNSName: 'web-1.eu-west-1.elb.amazonaws.com',
        Type: 'application',
        Scheme: 'internet-facing',
        VpcId: 'vpc-1',
        SecurityGroups: ['sg-1'],
        CreatedTime: CREATED,
        State: { Code: 'active' },
        AvailabilityZones: [{ ZoneName: 'eu-west-1a', SubnetId: 'subnet-1' }],
      },
    ],
    NextMarker: 'lb2',
  };

  it("collects load balancers from every page with listeners, TLS policies, tags and the ALB's web ACL", async () => {
    const aws = mockedClients();
    const pages = pagesByToken('Marker', {
      '': balancers,
      lb2: { LoadBalancers: [{ LoadBalancerArn: nlbArn, LoadBalancerName: 'tcp', Type: 'network', Scheme: 'internal', CreatedTime: CREATED }] },
    });
    aws.elbv2.on(DescribeLoadBalancersCommand).callsFake(pages.serve);
    aws.elbv2.on(DescribeListenersCommand, { LoadBalancerArn: albArn }).resolves({
      Listeners: [
        {
          ListenerArn: `${albArn}/l1`,
          LoadBalancerArn: albArn,
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-2016-08',
          Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/c1' }],
        },
        {
          ListenerArn: `${albArn}/l2`,
          LoadBalancerArn: albArn,
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
        },
      ],
    });
    aws.elbv2.on(DescribeListenersCommand, { LoadBalancerArn: nlbArn }).resolves({ Listeners: [{ ListenerArn: `${nlbArn}/l3`, Port: 22, Protocol: 'TCP' }] });
    aws.elbv2.on(DescribeSSLPoliciesCommand).resolves({
      SslPolicies: [
        { Name: 'ELBSecurityPolicy-2016-08', SslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], Ciphers: [{ Name: 'ECDHE-RSA-AES128-SHA', Priority: 1 }] },
      ],
    });
    aws.elbv2.on(DescribeTagsCommand).callsFake((input: { ResourceArns: string[] }) => ({
      TagDescriptions: input.ResourceArns.map((ResourceArn) => ({ ResourceArn, Tags: [{ Key: 'app', Value: 'web' }] })),
    }));
    aws.wafRegional
      .on(wafRegional.GetWebACLForResourceCommand)
      .resolves({ WebACLSummary: { WebACLId: 'acl-1', Name: 'web-acl' } } satisfies wafRegional.GetWebACLForResourceResponse);

    const result = await collectElbv2LoadBalancers(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'lb2']);
    expect(result.errors).toEqual([]);
    expect(result.resources[0]).toEqual(
      expect.objectContaining({
        ResourceType: 'AWS.ELBV2.ApplicationLoadBalancer',
        ResourceId: albArn,
        Name: 'web',
        Scheme: 'internet-facing',
        Tags: { app: 'web' },
        TimeCreated: '2025-06-01T12:00:00.000Z',
        WebAcl: 'acl-1',
        SSLPolicies: {
          'ELBSecurityPolicy-2016-08': {
            Name: 'ELBSecurityPolicy-2016-08',
            SslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
            Ciphers: [{ Name: 'ECDHE-RSA-AES128-SHA', Priority: 1 }],
          },
        },
      }),
    );
    expect(result.resources[0]!.Listeners?.map((listener) => [listener.Port, listener.Protocol, listener.SslPolicy])).toEqual([
      [443, 'HTTPS', 'ELBSecurityPolicy-2016-08'],
      [80, 'HTTP', null],
    ]);
    // Only application load balancers can carry a WAF web ACL, and a TCP listener names no TLS policy.
    expect(result.resources[1]).toEqual(expect.objectContaining({ ResourceId: nlbArn, Type: 'network', WebAcl: null, SSLPolicies: null }));
    expect(aws.wafRegional.calls()).toHaveLength(1);
  });

  it('reads an ALB without a web ACL as null, and a denied listener listing as an error for that load balancer', async () => {
    const aws = mockedClients();
    aws.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: balancers.LoadBalancers });
    aws.elbv2.on(DescribeListenersCommand).resolves({ Listeners: [] });
    aws.elbv2.on(DescribeTagsCommand).resolves({ TagDescriptions: [] });
    aws.wafRegional.on(wafRegional.GetWebACLForResourceCommand).resolves({} satisfies wafRegional.GetWebACLForResourceResponse);
    const denied = mockedClients();
    denied.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: balancers.LoadBalancers });
    denied.elbv2.on(DescribeListenersCommand).rejects(accessDenied());
    denied.elbv2.on(DescribeTagsCommand).resolves({ TagDescriptions: [] });
    denied.wafRegional.onAnyCommand().resolves({});

    const unguarded = await collectElbv2LoadBalancers(aws.clients, ctx);
    const refused = await collectElbv2LoadBalancers(denied.clients, ctx);

    expect(unguarded.resources).toEqual([expect.objectContaining({ WebAcl: null, Listeners: [], Tags: null })]);
    expect(refused).toEqual({
      resources: [],
      errors: [expect.objectContaining({ resourceId: albArn, operation: 'DescribeListeners', kind: 'access-denied' })],
    });
  });

  it('still collects an ALB in a region where WAF Classic has no endpoint, but not one whose web ACL lookup is denied', async () => {
    const answer = (aws: ReturnType<typeof mockedClients>): void => {
      aws.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: balancers.LoadBalancers });
      aws.elbv2.on(DescribeListenersCommand).resolves({ Listeners: [] });
      aws.elbv2.on(DescribeTagsCommand).resolves({ TagDescriptions: [] });
    };
    const newRegion = mockedClients();
    answer(newRegion);
    newRegion.wafRegional
      .on(wafRegional.GetWebACLForResourceCommand)
      .rejects(Object.assign(new Error('getaddrinfo ENOTFOUND waf-regional.ap-southeast-5.amazonaws.com'), { code: 'ENOTFOUND' }));
    const denied = mockedClients();
    answer(denied);
    denied.wafRegional.on(wafRegional.GetWebACLForResourceCommand).rejects(accessDenied('AccessDeniedException'));

    expect((await collectElbv2LoadBalancers(newRegion.clients, ctx)).resources).toEqual([expect.objectContaining({ ResourceId: albArn, WebAcl: null })]);
    expect(await collectElbv2LoadBalancers(denied.clients, ctx)).toEqual({
      resources: [],
      errors: [expect.objectContaining({ resourceId: albArn, operation: 'GetWebACLForResource', kind: 'access-denied' })],
    });
  });
});

describe('Redshift clusters', () => {
  const cluster = (id: string, fields: Partial<RedshiftCluster> = {}): RedshiftCluster => ({
    ClusterIdentifier: id,
    NodeType: 'ra3.xlplus',
    ClusterStatus: 'available',
    MasterUsername: 'admin',
    Encrypted: true,
    KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k',
    PubliclyAccessible: false,
    EnhancedVpcRouting: true,
    AutomatedSnapshotRetentionPeriod: 7,
    ClusterCreateTime: CREATED,
    Endpoint: { Address: `${id}.abc.eu-west-1.redshift.amazonaws.com`, Port: 5439 },
    Tags: [{ Key: 'team', Value: 'data' }],
    ...fields,
  });

  it('collects clusters from every page with their audit logging status', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('Marker', {
      '': { Clusters: [cluster('warehouse')], Marker: 'r2' },
      r2: { Clusters: [cluster('scratch', { Encrypted: false, PubliclyAccessible: true, Tags: [] })] },
    });
    aws.redshift.on(DescribeRedshiftClusters).callsFake(pages.serve);
    aws.redshift
      .on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'warehouse' })
      .resolves({ LoggingEnabled: true, LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog'] });
    aws.redshift.on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'scratch' }).resolves({ LoggingEnabled: false });

    const result = await collectRedshiftClusters(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'r2']);
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.ResourceId, r.Encrypted, r.PubliclyAccessible, r.LoggingStatus?.LoggingEnabled, r.Tags])).toEqual([
      ['arn:aws:redshift:eu-west-1:123456789012:cluster:warehouse', true, false, true, { team: 'data' }],
      ['arn:aws:redshift:eu-west-1:123456789012:cluster:scratch', false, true, false, null],
    ]);
    expect(result.resources[0]).toMatchObject({
      ResourceType: 'AWS.Redshift.Cluster',
      Name: 'warehouse',
      TimeCreated: '2025-06-01T12:00:00.000Z',
      LoggingStatus: { LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog'] },
    });
    expect(result.resources[0]!.LoggingStatus).not.toHaveProperty('$metadata');
  });

  it('reports a cluster whose logging status is denied as an error for it alone', async () => {
    const aws = mockedClients();
    aws.redshift.on(DescribeRedshiftClusters).resolves({ Clusters: [cluster('warehouse')] });
    aws.redshift.on(DescribeLoggingStatusCommand).rejects(accessDenied());

    const result = await collectRedshiftClusters(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        resourceId: 'arn:aws:redshift:eu-west-1:123456789012:cluster:warehouse',
        operation: 'DescribeLoggingStatus',
        kind: 'access-denied',
      }),
    ]);
  });
});

describe('WAF Classic web ACLs', () => {
  const global = collectContext({ region: 'global' });

  it('pages through the global web ACLs and merges each activated rule with its rule, as Panther does', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('NextMarker', {
      '': { WebACLs: [{ WebACLId: 'acl-1', Name: 'edge' }], NextMarker: 'w2' },
      w2: { WebACLs: [{ WebACLId: 'acl-2', Name: 'empty' }] },
    });
    aws.waf.on(ListWebACLsCommand).callsFake(pages.serve);
    aws.waf.on(GetWebACLCommand, { WebACLId: 'acl-1' }).resolves({
      WebACL: {
        WebACLId: 'acl-1',
        Name: 'edge',
        MetricName: 'edge',
        DefaultAction: { Type: 'ALLOW' },
        WebACLArn: 'arn:aws:waf::123456789012:webacl/acl-1',
        Rules: [
          { RuleId: 'rule-1', Priority: 1, Action: { Type: 'BLOCK' }, Type: 'REGULAR' },
          { RuleId: 'rate-1', Priority: 2, Action: { Type: 'BLOCK' }, Type: 'RATE_BASED' },
          { RuleId: 'group-1', Priority: 3, OverrideAction: { Type: 'NONE' }, Type: 'GROUP' },
        ],
      },
    });
    aws.waf.on(GetWebACLCommand, { WebACLId: 'acl-2' }).resolves({ WebACL: { WebACLId: 'acl-2', Name: 'empty', DefaultAction: { Type: 'BLOCK' }, Rules: [] } });
    aws.waf
      .on(GetRuleCommand, { RuleId: 'rule-1' })
      .resolves({ Rule: { RuleId: 'rule-1', Name: 'bad-ips', Predicates: [{ DataId: 'ipset-1', Negated: false, Type: 'IPMatch' }] } });
    aws.waf
      .on(GetRateBasedRuleCommand, { RuleId: 'rate-1' })
      .resolves({ Rule: { RuleId: 'rate-1', Name: 'flood', MatchPredicates: [], RateKey: 'IP', RateLimit: 2000 } });
    aws.waf
      .on(ListTagsForResourceCommand)
      .resolves({ TagInfoForResource: { ResourceARN: 'arn:aws:waf::123456789012:webacl/acl-1', TagList: [{ Key: 'team', Value: 'edge' }] } });

    const result = await collectWafWebAcls(aws.clients, global);

    expect(pages.asked).toEqual([undefined, 'w2']);
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.ResourceId, r.Region, r.DefaultAction?.Type, r.Rules?.length])).toEqual([
      ['arn:aws:waf::123456789012:webacl/acl-1', 'global', 'ALLOW', 3],
      ['arn:aws:waf::123456789012:webacl/acl-2', 'global', 'BLOCK', 0],
    ]);
    expect(result.resources[0]).toMatchObject({ ResourceType: 'AWS.WAF.WebACL', Id: 'acl-1', Name: 'edge', MetricName: 'edge', Tags: { team: 'edge' } });
    expect(result.resources[0]!.Rules).toEqual([
      expect.objectContaining({
        RuleId: 'rule-1',
        Name: 'bad-ips',
        Priority: 1,
        Action: { Type: 'BLOCK' },
        Predicates: [{ DataId: 'ipset-1', Negated: false, Type: 'IPMatch' }],
      }),
      expect.objectContaining({ RuleId: 'rate-1', Name: 'flood', RateLimit: 2000, Type: 'RATE_BASED' }),
      expect.objectContaining({ RuleId: 'group-1', Type: 'GROUP', OverrideAction: { Type: 'NONE' } }),
    ]);
  });

  it('collects the regional web ACLs of the scanned region under their own type and ARN', async () => {
    const aws = mockedClients();
    aws.wafRegional.on(wafRegional.ListWebACLsCommand).resolves({ WebACLs: [{ WebACLId: 'acl-r', Name: 'alb' }] } satisfies wafRegional.ListWebACLsResponse);
    aws.wafRegional
      .on(wafRegional.GetWebACLCommand)
      .resolves({ WebACL: { WebACLId: 'acl-r', Name: 'alb', DefaultAction: { Type: 'ALLOW' }, Rules: [] } } satisfies wafRegional.GetWebACLResponse);
    aws.wafRegional.on(wafRegional.ListTagsForResourceCommand).resolves({} satisfies wafRegional.ListTagsForResourceResponse);

    const result = await collectWafRegionalWebAcls(aws.clients, ctx);

    expect(result).toEqual({
      resources: [
        expect.objectContaining({
          ResourceType: 'AWS.WAF.Regional.WebACL',
          ResourceId: 'arn:aws:waf-regional:eu-west-1:123456789012:webacl/acl-r',
          Region: 'eu-west-1',
          Tags: null,
          Rules: [],
        }),
      ],
      errors: [],
    });
  });

  it('finds no regional web ACLs, and no error, in a region where WAF Classic has no endpoint', async () => {
    const aws = mockedClients();
    aws.wafRegional
      .on(wafRegional.ListWebACLsCommand)
      .rejects(Object.assign(new Error('getaddrinfo ENOTFOUND waf-regional.ap-southeast-5.amazonaws.com'), { code: 'ENOTFOUND' }));

    expect(await collectWafRegionalWebAcls(aws.clients, collectContext({ region: 'ap-southeast-5' }))).toEqual({ resources: [], errors: [] });
  });

  it('reports a denied region once, and a web ACL whose rule is denied as an error for that ACL', async () => {
    const denied = mockedClients();
    denied.wafRegional.on(wafRegional.ListWebACLsCommand).rejects(accessDenied('AccessDeniedException'));
    const partly = mockedClients();
    partly.waf.on(ListWebACLsCommand).resolves({ WebACLs: [{ WebACLId: 'acl-1', Name: 'edge' }] });
    partly.waf
      .on(GetWebACLCommand)
      .resolves({ WebACL: { WebACLId: 'acl-1', DefaultAction: { Type: 'ALLOW' }, Rules: [{ RuleId: 'rule-1', Priority: 1, Action: { Type: 'BLOCK' } }] } });
    partly.waf.on(GetRuleCommand).rejects(accessDenied('AccessDeniedException'));
    partly.waf.on(ListTagsForResourceCommand).resolves({});

    expect((await collectWafRegionalWebAcls(denied.clients, ctx)).errors).toEqual([
      expect.objectContaining({ region: 'eu-west-1', resourceType: 'AWS.WAF.Regional.WebACL', operation: 'ListWebACLs', kind: 'access-denied' }),
    ]);
    expect(await collectWafWebAcls(partly.clients, global)).toEqual({
      resources: [],
      errors: [expect.objectContaining({ resourceId: 'arn:aws:waf::123456789012:webacl/acl-1', operation: 'GetRule', kind: 'access-denied' })],
    });
  });
});
