import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { getAttId, props, refId, resourcesOfType, ROOT, type Template } from './packaged-service';
import { actionsOf, allStatements, danglingReferences, resourcesIn, roleStatements, text } from './template-queries';

/** The templates people deploy on the sending side (infra/log-sources/). */

const DIR = join(ROOT, 'infra', 'log-sources');

function load(file: string): Template {
  return parseYaml(readFileSync(join(DIR, file), 'utf8')) as Template;
}

function only(template: Template, type: string): Record<string, unknown> {
  const found = resourcesOfType(template, type);
  expect(found).toHaveLength(1);
  return props(found[0]![1]);
}

describe('log source templates', () => {
  it('grant no wildcard action and name what they allow', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.yml'));
    expect(files.sort()).toEqual(['cloudtrail-trail.yml', 'eventbridge-forwarder.yml', 's3-access-logs.yml']);
    for (const file of files) {
      for (const { where, statement } of allStatements(load(file))) {
        const actions = actionsOf(statement);
        expect({ file, where, wildcard: actions.some((a) => a === '*' || (statement.Effect === 'Allow' && a.includes('*'))) }).toEqual({
          file,
          where,
          wildcard: false,
        });
        if (statement.Effect === 'Allow')
          expect({ file, where, anyResource: resourcesIn(statement).includes('*') }).toEqual({ file, where, anyResource: false });
      }
    }
  });

  it('refer only to their own parameters, resources and conditions', () => {
    for (const file of readdirSync(DIR).filter((name) => name.endsWith('.yml')))
      expect({ file, dangling: danglingReferences(load(file)) }).toEqual({ file, dangling: [] });
  });

  it("runs CloudTrail in every region with log file validation, into Prowl's raw bucket, never logging Prowl's own S3 reads and writes", () => {
    const trail = only(load('cloudtrail-trail.yml'), 'AWS::CloudTrail::Trail');
    expect(trail).toMatchObject({ IsMultiRegionTrail: true, EnableLogFileValidation: true, IncludeGlobalServiceEvents: true, IsLogging: true });
    expect(refId(trail['S3BucketName'])).toBe('ProwlRawBucketName');
    // CloudTrail's S3 keys are what Prowl's cloudtrail source expects: no prefix before AWSLogs/.
    expect(trail['S3KeyPrefix']).toBeUndefined();

    const [management, dataEvents] = trail['AdvancedEventSelectors'] as [
      unknown,
      { 'Fn::If': [string, { FieldSelectors: Array<{ Field: string; NotStartsWith?: unknown[] }> }, unknown] },
    ];
    expect(management).toEqual({ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] });
    const [condition, selector] = dataEvents['Fn::If'];
    expect(condition).toBe('LogS3DataEvents');
    const excluded = selector.FieldSelectors.find((field) => field.Field === 'resources.ARN')?.NotStartsWith ?? [];
    expect(text(excluded[0])).toBe('arn:${AWS::Partition}:s3:::${ProwlRawBucketName}/');
  });

  it("forwards only AWS's own CloudTrail API call events, to Prowl's bus, with a role that may do nothing else", () => {
    const template = load('eventbridge-forwarder.yml');
    const rule = only(template, 'AWS::Events::Rule');
    expect(rule['EventPattern']).toEqual({
      'detail-type': ['AWS API Call via CloudTrail', 'AWS Insight via CloudTrail'],
      source: [{ prefix: 'aws.' }],
      account: [{ Ref: 'AWS::AccountId' }],
    });
    const [target] = rule['Targets'] as Array<{ Arn: unknown; RoleArn: unknown }>;
    expect(refId(target!.Arn)).toBe('ProwlEventBusArn');
    const roleId = getAttId(target!.RoleArn, 'Arn')!;
    expect(roleStatements(template, roleId).map((s) => ({ actions: actionsOf(s), resources: resourcesIn(s).map(refId) }))).toEqual([
      { actions: ['events:PutEvents'], resources: ['ProwlEventBusArn'] },
    ]);
  });

  it("keeps access logs in a private, encrypted, TLS-only bucket that notifies Prowl's queue and that only Prowl's ingest role may read from outside", () => {
    const template = load('s3-access-logs.yml');
    const bucket = only(template, 'AWS::S3::Bucket');
    expect(bucket['BucketEncryption']).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket['PublicAccessBlockConfiguration']).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [notification] = (bucket['NotificationConfiguration'] as { QueueConfigurations: Array<{ Queue: unknown }> }).QueueConfigurations;
    expect(refId(notification!.Queue)).toBe('ProwlIngestQueueArn');

    const statements = allStatements(template).map((placed) => placed.statement);
    expect(statements.some((s) => s.Effect === 'Deny' && String(s.Condition?.['Bool']?.['aws:SecureTransport']) === 'false')).toBe(true);
    const outsiders = statements.filter((s) => s.Effect === 'Allow' && (s.Principal as { AWS?: unknown } | undefined)?.AWS !== undefined);
    expect(outsiders.map((s) => ({ principal: refId((s.Principal as { AWS: unknown }).AWS), actions: actionsOf(s) }))).toEqual([
      { principal: 'ProwlIngestRoleArn', actions: ['s3:GetObject'] },
    ]);
  });
});
