import { COMPACTED_TAG } from '../../src/lake/athena-compaction';
import { getAttId, packageService, props, refId, resourcesOfType, STAGE, type Template } from './packaged-service';
import {
  actionsOf,
  allStatements,
  danglingReferences,
  deadLetterQueueIds,
  dependencyCycle,
  lambdaFunctions,
  onFailureDestination,
  queuePolicyStatements,
  resourcesIn,
  roleStatements,
  servicePrincipal,
  sqsMappings,
  text,
  type Statement,
} from './template-queries';

/**
 * What a security team would check before approving `sls deploy`, asserted over the CloudFormation
 * that `sls package --stage ci` generates (the template that would be deployed).
 */

let template: Template;

beforeAll(async () => {
  ({ template } = await packageService());
}, 300_000);

const FUNCTIONS = ['ingest', 'notify', 'slack', 'jobs', 'scan', 'compact', 'escalate', 'digest'];
const SQS_CONSUMERS = { IngestQueue: 'IngestLambdaFunction', NotifyQueue: 'NotifyLambdaFunction', JobsQueue: 'JobsLambdaFunction' };

function grants(statements: Statement[], action: string, resource: (r: unknown) => boolean): boolean {
  return statements.some((s) => s.Effect === 'Allow' && actionsOf(s).includes(action) && resourcesIn(s).some(resource));
}

describe('template', () => {
  it('refers only to resources, parameters and conditions it has', () => {
    expect(danglingReferences(template)).toEqual([]);
    // The check itself finds what is missing.
    expect(danglingReferences({ Resources: { A: { Type: 'X', Properties: { p: { Ref: 'Gone' }, q: { 'Fn::Sub': '${A.Arn}/${Missing}' } } } } })).toEqual([
      'A: Ref Gone',
      'A: Sub ${Missing}',
    ]);
  });

  it('has no circular dependency between resources', () => {
    expect(dependencyCycle(template)).toBeUndefined();
    // The check itself finds one when there is one.
    expect(dependencyCycle({ Resources: { A: { Type: 'X', Properties: { p: { Ref: 'B' } } }, B: { Type: 'X', DependsOn: 'A' } } })).toEqual(['A', 'B', 'A']);
  });
});

describe('functions', () => {
  it('deploys every function on nodejs22.x, arm64', () => {
    const functions = lambdaFunctions(template);
    expect(functions.map((fn) => fn.name).sort()).toEqual(FUNCTIONS.map((name) => `prowl-${STAGE}-${name}`).sort());
    for (const [, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      expect({ runtime: props(fn)['Runtime'], architectures: props(fn)['Architectures'] }).toEqual({ runtime: 'nodejs22.x', architectures: ['arm64'] });
    }
  });

  it('runs the scan, the compaction, the escalation sweep and the digest on schedules and the Slack handler behind the HTTP API', () => {
    const schedules = resourcesOfType(template, 'AWS::Events::Rule').filter(([, rule]) => props(rule)['ScheduleExpression'] !== undefined);
    expect(
      Object.fromEntries(
        schedules.map(([, rule]) => [getAttId((props(rule)['Targets'] as Array<{ Arn: unknown }>)[0]?.Arn, 'Arn'), props(rule)['ScheduleExpression']]),
      ),
    ).toEqual({
      ScanLambdaFunction: 'cron(0 6 * * ? *)',
      CompactLambdaFunction: 'rate(1 hour)',
      EscalateLambdaFunction: 'rate(1 minute)',
      DigestLambdaFunction: 'cron(0 8 * * ? *)',
    });
    const integrations = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').map(([, integration]) =>
      getAttId(props(integration)['IntegrationUri'], 'Arn'),
    );
    expect(integrations).toEqual(['SlackLambdaFunction']);
  });
});

describe('queues', () => {
  it('has every SQS event source report batch item failures', () => {
    const mappings = sqsMappings(template);
    expect(Object.fromEntries(mappings.map((m) => [m.queueId, m.functionId]))).toEqual(SQS_CONSUMERS);
    for (const mapping of mappings)
      expect({ mapping: mapping.logicalId, types: mapping.functionResponseTypes }).toEqual({ mapping: mapping.logicalId, types: ['ReportBatchItemFailures'] });
  });

  it('keeps each message invisible for at least 6x the consuming function timeout', () => {
    const timeouts = new Map(lambdaFunctions(template).map((fn) => [fn.logicalId, fn.timeout]));
    for (const mapping of sqsMappings(template)) {
      const visibility = Number(props(template.Resources[mapping.queueId]!)['VisibilityTimeout']);
      expect({ queue: mapping.queueId, visibility: visibility >= 6 * timeouts.get(mapping.functionId)! }).toEqual({ queue: mapping.queueId, visibility: true });
    }
  });

  it('gives every queue a dead-letter queue with a bounded receive count, except the dead-letter queues themselves', () => {
    const dlqs = deadLetterQueueIds(template);
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');
    expect(dlqs.size).toBeGreaterThanOrEqual(3);
    for (const [id, queue] of queues) {
      if (dlqs.has(id)) continue;
      const redrive = props(queue)['RedrivePolicy'] as { deadLetterTargetArn?: unknown; maxReceiveCount?: number } | undefined;
      expect({ queue: id, dlq: dlqs.has(getAttId(redrive?.deadLetterTargetArn, 'Arn') ?? ''), maxReceiveCount: (redrive?.maxReceiveCount ?? 0) >= 1 }).toEqual({
        queue: id,
        dlq: true,
        maxReceiveCount: true,
      });
    }
  });

  it('alarms as soon as any dead-letter queue holds a message', () => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, alarm]) => props(alarm));
    for (const dlq of deadLetterQueueIds(template)) {
      const alarm = alarms.find(
        (a) =>
          a['MetricName'] === 'ApproximateNumberOfMessagesVisible' &&
          (a['Dimensions'] as Array<{ Value: unknown }>).some((d) => getAttId(d.Value, 'QueueName') === dlq),
      );
      expect({ dlq, alarmed: alarm !== undefined }).toEqual({ dlq, alarmed: true });
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(alarm!['AlarmActions']).toHaveLength(1);
    }
  });

  it('encrypts every queue', () => {
    for (const [id, queue] of resourcesOfType(template, 'AWS::SQS::Queue')) {
      const p = props(queue);
      expect({ queue: id, encrypted: p['SqsManagedSseEnabled'] === true || p['KmsMasterKeyId'] !== undefined }).toEqual({ queue: id, encrypted: true });
    }
  });

  it('lets each service that sends to a queue do so only from this stack: S3 notifications and EventBridge rules', () => {
    const senders: Array<{ queue: string; service: string; rule?: string }> = [];
    for (const [, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
      const configs =
        (props(bucket)['NotificationConfiguration'] as { QueueConfigurations?: Array<{ Queue: unknown }> } | undefined)?.QueueConfigurations ?? [];
      for (const config of configs) senders.push({ queue: getAttId(config.Queue, 'Arn')!, service: 's3.amazonaws.com' });
    }
    for (const [ruleId, rule] of resourcesOfType(template, 'AWS::Events::Rule')) {
      for (const target of (props(rule)['Targets'] as Array<{ Arn: unknown; DeadLetterConfig?: { Arn: unknown } }> | undefined) ?? []) {
        for (const arn of [target.Arn, target.DeadLetterConfig?.Arn]) {
          const queue = getAttId(arn, 'Arn');
          if (queue && template.Resources[queue]?.Type === 'AWS::SQS::Queue') senders.push({ queue, service: 'events.amazonaws.com', rule: ruleId });
        }
      }
    }
    expect(senders.length).toBeGreaterThanOrEqual(3);
    // This account's real-time rule is opt-in: with the trail also delivering to S3, events would count twice.
    expect(template.Resources['CloudTrailApiCallsRule']?.Condition).toBe('RealTimeCloudTrail');
    for (const sender of senders) {
      const allowed = queuePolicyStatements(template, sender.queue).some((s) => {
        if (s.Effect !== 'Allow' || servicePrincipal(s) !== sender.service || !actionsOf(s).includes('sqs:SendMessage')) return false;
        // Every grant to a service is pinned to this stack's sources, never to the whole service.
        if (!s.Condition) return false;
        if (!sender.rule) return true;
        const sourceArns = ([] as unknown[]).concat(s.Condition['ArnEquals']?.['aws:SourceArn'] ?? []);
        // A conditional rule's ARN sits in the true branch of { Fn::If: [condition, arn, AWS::NoValue] }.
        const whenPresent = (arn: unknown): unknown =>
          arn && typeof arn === 'object' && 'Fn::If' in arn ? (arn as { 'Fn::If': unknown[] })['Fn::If'][1] : arn;
        return sourceArns.some((arn) => getAttId(whenPresent(arn), 'Arn') === sender.rule);
      });
      expect({ ...sender, allowed }).toEqual({ ...sender, allowed: true });
    }
  });

  it("forwards this account's CloudTrail API calls from the default event bus to the ingest queue", () => {
    const rules = resourcesOfType(template, 'AWS::Events::Rule').map(([, rule]) => props(rule));
    const rule = rules.find(
      (r) =>
        r['EventBusName'] === 'default' &&
        (r['EventPattern'] as { 'detail-type'?: string[] } | undefined)?.['detail-type']?.includes('AWS API Call via CloudTrail'),
    );
    expect(rule).toBeDefined();
    expect((rule!['EventPattern'] as { account: unknown[] }).account.map(refId)).toEqual(['AWS::AccountId']);
    const [target] = rule!['Targets'] as Array<{ Arn: unknown; DeadLetterConfig?: { Arn: unknown } }>;
    expect(getAttId(target?.Arn, 'Arn')).toBe('IngestQueue');
    expect(getAttId(target?.DeadLetterConfig?.Arn, 'Arn')).toBe('IngestDeadLetterQueue');
  });
});

describe('buckets', () => {
  const buckets = (): Array<[string, Record<string, unknown>]> => resourcesOfType(template, 'AWS::S3::Bucket').map(([id, bucket]) => [id, props(bucket)]);

  it('encrypts every bucket and blocks all public access', () => {
    expect(buckets().map(([id]) => id)).toEqual(expect.arrayContaining(['RawBucket', 'LakeBucket']));
    for (const [id, p] of buckets()) {
      const rules =
        (p['BucketEncryption'] as { ServerSideEncryptionConfiguration?: Array<{ ServerSideEncryptionByDefault?: { SSEAlgorithm?: string } }> } | undefined)
          ?.ServerSideEncryptionConfiguration ?? [];
      const algorithms = rules.map((rule) => rule.ServerSideEncryptionByDefault?.SSEAlgorithm);
      expect({ bucket: id, encrypted: algorithms.length > 0 && algorithms.every((a) => a === 'AES256' || a === 'aws:kms' || a === 'aws:kms:dsse') }).toEqual({
        bucket: id,
        encrypted: true,
      });
      expect({ bucket: id, block: p['PublicAccessBlockConfiguration'] }).toEqual({
        bucket: id,
        block: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
    }
  });

  it('refuses any request to any bucket that is not over TLS', () => {
    const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy').map(([, policy]) => props(policy));
    for (const [id] of buckets()) {
      const policy = policies.find((p) => refId(p['Bucket']) === id);
      const denies = ((policy?.['PolicyDocument'] as { Statement?: Statement[] } | undefined)?.Statement ?? []).filter(
        (s) => s.Effect === 'Deny' && String(s.Condition?.['Bool']?.['aws:SecureTransport']) === 'false' && actionsOf(s).includes('s3:*'),
      );
      expect({ bucket: id, tlsOnly: denies.length === 1 }).toEqual({ bucket: id, tlsOnly: true });
    }
  });

  it('expires the lake, quarantined lines and Athena results, and keeps the raw bucket bounded too', () => {
    const lifecycle = (id: string): Array<{ Prefix?: string; ExpirationInDays?: number; TagFilters?: unknown }> =>
      (props(template.Resources[id]!)['LifecycleConfiguration'] as { Rules: Array<{ Prefix?: string; ExpirationInDays?: number }> } | undefined)?.Rules ?? [];
    const lakeExpiry = Object.fromEntries(
      lifecycle('LakeBucket')
        .filter((r) => r.Prefix && !r.TagFilters)
        .map((r) => [r.Prefix, r.ExpirationInDays]),
    );
    expect(lakeExpiry).toEqual({
      'logs/': expect.any(Number),
      'parquet/': expect.any(Number),
      'quarantine/': expect.any(Number),
      'athena-results/': expect.any(Number),
    });
    expect(lifecycle('RawBucket').some((r) => typeof r.ExpirationInDays === 'number')).toBe(true);
    // JSON the compaction has rewritten as Parquet (and tagged) goes sooner; untagged JSON stays with the lake.
    expect(lifecycle('LakeBucket').filter((r) => r.TagFilters)).toEqual([
      expect.objectContaining({ Prefix: 'logs/', TagFilters: [{ Key: COMPACTED_TAG.Key, Value: COMPACTED_TAG.Value }], ExpirationInDays: expect.any(Number) }),
    ]);
  });
});

describe('tables', () => {
  it('runs every table on demand with point-in-time recovery, TTL and encryption', () => {
    const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
    expect(tables.map(([id]) => id)).toEqual(expect.arrayContaining(['AlertsTable', 'AuditTable', 'SettingsTable', 'ResourcesTable']));
    for (const [id, table] of tables) {
      const p = props(table);
      expect({
        table: id,
        billing: p['BillingMode'],
        pitr: p['PointInTimeRecoverySpecification'],
        ttl: p['TimeToLiveSpecification'],
        sse: p['SSESpecification'],
      }).toEqual({
        table: id,
        billing: 'PAY_PER_REQUEST',
        pitr: { PointInTimeRecoveryEnabled: true },
        ttl: { AttributeName: expect.any(String), Enabled: true },
        sse: { SSEEnabled: true },
      });
    }
  });
});

describe('IAM', () => {
  it('has no statement anywhere whose action is a wildcard, and no allow with a wildcard in an action', () => {
    const placed = allStatements(template);
    expect(placed.length).toBeGreaterThan(20);
    const offending = placed.filter(({ statement }) => {
      if (statement.NotAction !== undefined) return true;
      const actions = actionsOf(statement);
      if (actions.length === 0 || actions.includes('*')) return true;
      return statement.Effect === 'Allow' && actions.some((action) => action.includes('*'));
    });
    expect(offending).toEqual([]);
  });

  it('names the resources of every permission a role grants', () => {
    const roles = resourcesOfType(template, 'AWS::IAM::Role');
    for (const [id] of roles) {
      const statements = roleStatements(template, id);
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements)
        expect({ role: id, sid: s.Sid, resources: resourcesIn(s).filter((r) => r === '*' || r === undefined) }).toEqual({
          role: id,
          sid: s.Sid,
          resources: [],
        });
    }
  });

  it('runs each function as its own role, and no role is shared or left over from the framework', () => {
    const functions = lambdaFunctions(template);
    const roles = functions.map((fn) => fn.roleId);
    for (const fn of functions)
      expect({ fn: fn.logicalId, role: fn.roleId && template.Resources[fn.roleId]?.Type }).toEqual({ fn: fn.logicalId, role: 'AWS::IAM::Role' });
    expect(new Set(roles).size).toBe(functions.length);
    expect(
      resourcesOfType(template, 'AWS::IAM::Role')
        .map(([id]) => id)
        .sort(),
    ).toEqual([...roles].sort());
  });

  it('lets each function write logs only to its own log group, which the stack creates', () => {
    const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup').map(([, group]) => props(group)['LogGroupName']);
    for (const fn of lambdaFunctions(template)) {
      expect(logGroups).toContain(`/aws/lambda/${fn.name}`);
      const logStatements = roleStatements(template, fn.roleId!).filter((s) => actionsOf(s).some((action) => action.startsWith('logs:')));
      expect(logStatements.flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const resources = logStatements.flatMap(resourcesIn).map(text);
      expect(resources).toEqual([`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${fn.name}:*`]);
    }
  });

  it('lets each SQS-triggered function receive and delete from its own queue (Lambda checks this when it creates the mapping)', () => {
    const functions = new Map(lambdaFunctions(template).map((fn) => [fn.logicalId, fn]));
    for (const mapping of sqsMappings(template)) {
      const statements = roleStatements(template, functions.get(mapping.functionId)!.roleId!);
      for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']) {
        expect({ fn: mapping.functionId, action, granted: grants(statements, action, (r) => getAttId(r, 'Arn') === mapping.queueId) }).toEqual({
          fn: mapping.functionId,
          action,
          granted: true,
        });
      }
    }
  });
});

describe('secrets', () => {
  const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
  const SECRET_VALUE = [/^xox[abposr]-/, /^xapp-/, /\bA(KIA|SIA)[0-9A-Z]{16}\b/, /^[0-9a-f]{32}$/i, /-----BEGIN [A-Z ]*PRIVATE KEY-----/];

  it('puts no secret in any environment variable: secret-named variables hold SSM parameter names, and no value looks like a credential', () => {
    for (const fn of lambdaFunctions(template)) {
      for (const [key, value] of Object.entries(fn.environment)) {
        if (SECRET_NAME.test(key))
          expect({ fn: fn.name, key, parameterName: key.endsWith('_PARAM') && typeof value === 'string' && value.startsWith('/') }).toEqual({
            fn: fn.name,
            key,
            parameterName: true,
          });
        if (typeof value === 'string')
          expect({ fn: fn.name, key, looksSecret: SECRET_VALUE.some((pattern) => pattern.test(value)) }).toEqual({ fn: fn.name, key, looksSecret: false });
      }
    }
  });

  it('reads the Slack secrets from SSM parameters, and only the functions that talk to Slack may read them', () => {
    const readers: Record<string, string[]> = {};
    for (const fn of lambdaFunctions(template)) {
      expect(fn.environment).toMatchObject({
        PROWL_SLACK_BOT_TOKEN_PARAM: `/prowl/${STAGE}/slack-bot-token`,
        PROWL_SLACK_SIGNING_SECRET_PARAM: `/prowl/${STAGE}/slack-signing-secret`,
      });
      expect(Object.keys(fn.environment)).not.toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN']));
      expect(Object.keys(fn.environment)).not.toEqual(expect.arrayContaining(['SLACK_SIGNING_SECRET']));
      const parameters = roleStatements(template, fn.roleId!)
        .filter((s) => actionsOf(s).some((action) => action.startsWith('ssm:')))
        .flatMap(resourcesIn)
        .map((r) => text(r).replace(/^arn:\$\{AWS::Partition\}:ssm:\$\{AWS::Region\}:\$\{AWS::AccountId\}:parameter/, ''));
      readers[fn.name.replace(`prowl-${STAGE}-`, '')] = parameters.sort();
    }
    const bot = `/prowl/${STAGE}/slack-bot-token`;
    const signing = `/prowl/${STAGE}/slack-signing-secret`;
    expect(readers).toEqual({ ingest: [], notify: [bot], slack: [bot, signing], jobs: [bot], scan: [], compact: [], escalate: [bot], digest: [bot] });
  });
});

describe('search', () => {
  it('creates the Athena workgroup and Glue database the functions are configured with, with a scan cap and results in the lake', () => {
    const [fn] = lambdaFunctions(template);
    const workGroups = resourcesOfType(template, 'AWS::Athena::WorkGroup').map(([, group]) => props(group));
    expect(workGroups.map((group) => group['Name'])).toEqual([fn!.environment['PROWL_ATHENA_WORKGROUP']]);
    const config = workGroups[0]!['WorkGroupConfiguration'] as {
      BytesScannedCutoffPerQuery: number;
      EnforceWorkGroupConfiguration: boolean;
      ResultConfiguration: { OutputLocation: unknown };
    };
    expect(config.BytesScannedCutoffPerQuery).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(config.EnforceWorkGroupConfiguration).toBe(true);
    expect(text(config.ResultConfiguration.OutputLocation)).toMatch(/^s3:\/\/\$\{LakeBucket\}\//);
    const databases = resourcesOfType(template, 'AWS::Glue::Database').map(([, db]) => (props(db)['DatabaseInput'] as { Name: string }).Name);
    expect(databases).toEqual([fn!.environment['PROWL_GLUE_DATABASE']]);
  });
});

describe('alarms', () => {
  it('alarms on errors of every function', () => {
    const alarmed = resourcesOfType(template, 'AWS::CloudWatch::Alarm')
      .map(([, alarm]) => props(alarm))
      .filter((alarm) => alarm['Namespace'] === 'AWS/Lambda' && alarm['MetricName'] === 'Errors')
      .flatMap((alarm) => (alarm['Dimensions'] as Array<{ Name: string; Value: unknown }>).filter((d) => d.Name === 'FunctionName').map((d) => refId(d.Value)));
    expect(alarmed.sort()).toEqual(
      lambdaFunctions(template)
        .map((fn) => fn.logicalId)
        .sort(),
    );
  });

  it('encrypts the alarm topic with its own rotating KMS key that CloudWatch in this account may use', () => {
    const topic = props(template.Resources['AlarmTopic']!);
    expect(refId(topic['KmsMasterKeyId'])).toBe('AlarmTopicKey');
    const key = props(template.Resources['AlarmTopicKey']!);
    expect(key['EnableKeyRotation']).toBe(true);
    const cloudwatch = (key['KeyPolicy'] as { Statement: Statement[] }).Statement.find(
      (statement) => servicePrincipal(statement) === 'cloudwatch.amazonaws.com',
    );
    expect(cloudwatch).toMatchObject({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
  });

  it('sends every alarm to the alarm topic, or to the topic named at deploy time', () => {
    for (const [id, alarm] of resourcesOfType(template, 'AWS::CloudWatch::Alarm')) {
      expect({ alarm: id, actions: props(alarm)['AlarmActions'] }).toEqual({
        alarm: id,
        actions: [{ 'Fn::If': ['CreateAlarmTopic', { Ref: 'AlarmTopic' }, ''] }],
      });
    }
  });
});

describe('Slack endpoint', () => {
  it('reserves concurrency for the Slack function, so its public endpoint cannot starve the others', () => {
    const slack = lambdaFunctions(template).find((fn) => fn.name.endsWith('-slack'))!;
    expect(props(template.Resources[slack.logicalId]!)['ReservedConcurrentExecutions']).toEqual(expect.any(Number));
  });

  it('lets scans assume the audit role only in this account and the configured audit accounts', () => {
    for (const role of ['JobsRole', 'ScanRole']) {
      const assume = roleStatements(template, role).filter((statement) => actionsOf(statement).includes('sts:AssumeRole'));
      expect(assume).toHaveLength(1);
      expect(assume[0]!.Condition).toEqual({
        StringEquals: { 'aws:ResourceAccount': { 'Fn::Split': [',', { 'Fn::Sub': expect.stringMatching(/^\$\{AWS::AccountId\},/) }] } },
      });
    }
  });

  it('throttles the public HTTP API and keeps access logs of it', () => {
    const stages = resourcesOfType(template, 'AWS::ApiGatewayV2::Stage').map(([, stage]) => props(stage));
    expect(stages).toHaveLength(1);
    expect(stages[0]!['DefaultRouteSettings']).toMatchObject({ ThrottlingBurstLimit: expect.any(Number), ThrottlingRateLimit: expect.any(Number) });
    expect(getAttId((stages[0]!['AccessLogSettings'] as { DestinationArn: unknown }).DestinationArn, 'Arn')).toBe('HttpApiLogGroup');
  });
});

describe('compaction', () => {
  const compact = (): ReturnType<typeof lambdaFunctions>[number] => lambdaFunctions(template).find((fn) => fn.name.endsWith('-compact'))!;

  it('grants the compact role exactly the calls compaction makes, on the lake, its catalog and its workgroup', () => {
    const statements = roleStatements(template, compact().roleId!);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, actionsOf(s).sort()]));
    expect(bySid).toEqual({
      OwnLogGroup: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      RecordFailedRuns: ['sqs:SendMessage'],
      AthenaUnload: ['athena:GetQueryExecution', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'],
      TableColumns: ['athena:GetTableMetadata'],
      LakeCatalog: ['glue:GetDatabase', 'glue:GetPartitions', 'glue:GetTable'],
      LakeBucket: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
      ReadAndTagJson: ['s3:GetObject', 's3:PutObjectTagging'],
      WriteParquet: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
      AthenaResults: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
    });
    for (const s of statements)
      expect({ sid: s.Sid, effect: s.Effect, wildcard: actionsOf(s).some((a) => a.includes('*')) }).toEqual({ sid: s.Sid, effect: 'Allow', wildcard: false });
    const resources = (sid: string): string[] =>
      statements
        .filter((s) => s.Sid === sid)
        .flatMap(resourcesIn)
        .map(text);
    // Deleting is for the Parquet prefix only: the JSON is never deleted by compaction, only tagged.
    expect(resources('WriteParquet')).toEqual(['${LakeBucket.Arn}/parquet/*']);
    expect(resources('ReadAndTagJson')).toEqual(['${LakeBucket.Arn}/logs/*']);
    expect(resources('AthenaUnload')).toEqual([expect.stringMatching(/:workgroup\/\$\{AthenaWorkGroup\}$/)]);
    expect(getAttId(statements.find((s) => s.Sid === 'RecordFailedRuns')!.Resource, 'Arn')).toBe('CompactDeadLetterQueue');
  });

  it('sends failed runs to its dead-letter queue, runs one at a time, and gets its settle time and lookback from the schedule', () => {
    const configs = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig').filter(
      ([, config]) => refId(props(config)['FunctionName']) === compact().logicalId,
    );
    expect(configs).toHaveLength(1);
    expect(getAttId(onFailureDestination(configs[0]![1]), 'Arn')).toBe('CompactDeadLetterQueue');
    expect(deadLetterQueueIds(template).has('CompactDeadLetterQueue')).toBe(true);
    expect(props(template.Resources[compact().logicalId]!)['ReservedConcurrentExecutions']).toBe(1);
    const [schedule] = resourcesOfType(template, 'AWS::Events::Rule').filter(
      ([, rule]) => getAttId((props(rule)['Targets'] as Array<{ Arn: unknown }>)[0]?.Arn, 'Arn') === compact().logicalId,
    );
    expect(props(schedule![1])['ScheduleExpression']).toBe('rate(1 hour)');
    const input = JSON.parse(String((props(schedule![1])['Targets'] as Array<{ Input: string }>)[0]!.Input)) as Record<string, unknown>;
    expect(input).toEqual({ settleMinutes: expect.any(Number), lookbackHours: expect.any(Number) });
  });

  it('has a Parquet table beside every JSON table, and lets searches read the Parquet', () => {
    const names = resourcesOfType(template, 'AWS::Glue::Table').map(([, table]) => (props(table)['TableInput'] as { Name: string }).Name);
    const json = names.filter((name) => !name.endsWith('_parquet'));
    expect(names.filter((name) => name.endsWith('_parquet')).sort()).toEqual(json.map((name) => `${name}_parquet`).sort());
    const reads = roleStatements(template, 'JobsRole')
      .filter((s) => actionsOf(s).includes('s3:GetObject'))
      .flatMap(resourcesIn)
      .map(text);
    expect(reads).toEqual(expect.arrayContaining(['${LakeBucket.Arn}/logs/*', '${LakeBucket.Arn}/parquet/*']));
  });
});
