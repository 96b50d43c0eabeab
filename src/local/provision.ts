import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, ResourceInUseException, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ProwlError } from '../errors';
import type { CfnResource, Definitions } from './definitions';

export interface ProvisionedQueue {
  name: string;
  url: string;
  arn: string;
}

/** What the local stack created, by CloudFormation logical id. */
export interface Provisioned {
  queues: Record<string, ProvisionedQueue>;
  buckets: Record<string, string>;
  tables: Record<string, string>;
  /** Bucket name → the queues S3 would notify on ObjectCreated. */
  notifications: Record<string, string[]>;
}

export interface ProvisionOptions {
  /** Tests shorten every queue's visibility timeout so retries happen in seconds, not minutes. */
  visibilityTimeoutSeconds?: number;
}

type Reference = { Ref: string } | { 'Fn::GetAtt': [string, string] };

function props(resource: CfnResource): Record<string, unknown> {
  return resource.Properties ?? {};
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && ('Ref' in value || 'Fn::GetAtt' in value);
}

/** Ref and Fn::GetAtt …Arn against what has been created so far, as CloudFormation would answer. */
export function resolveReference(value: unknown, made: Provisioned): string {
  if (typeof value === 'string') return value;
  if (!isReference(value)) throw new ProwlError('prowl_config_invalid', `cannot resolve ${JSON.stringify(value)} locally`);
  const [id, attribute] = 'Ref' in value ? [value.Ref, 'Ref'] : value['Fn::GetAtt'];
  const queue = made.queues[id];
  if (queue) return attribute === 'Arn' ? queue.arn : queue.url;
  const bucket = made.buckets[id];
  if (bucket) return attribute === 'Arn' ? `arn:aws:s3:::${bucket}` : bucket;
  const table = made.tables[id];
  if (table) return attribute === 'Arn' ? `arn:aws:dynamodb:local:000000000000:table/${table}` : table;
  throw new ProwlError('prowl_config_invalid', `${id} is referenced but not created by the local stack (or created after its use)`);
}

/** The name the local stack gives a resource that has no explicit name (buckets, in Prowl's files). */
export function localName(definitions: Pick<Definitions, 'service' | 'stage'>, logicalId: string): string {
  return `${definitions.service}-${definitions.stage}-${logicalId.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

async function createQueue(
  sqs: SQSClient,
  logicalId: string,
  resource: CfnResource,
  made: Provisioned,
  options: ProvisionOptions,
  definitions: Definitions,
): Promise<void> {
  const p = props(resource);
  const name = String(p['QueueName'] ?? localName(definitions, logicalId));
  const attributes: Record<string, string> = {};
  for (const key of ['VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds']) {
    if (p[key] !== undefined) attributes[key] = String(p[key]);
  }
  if (options.visibilityTimeoutSeconds !== undefined) attributes['VisibilityTimeout'] = String(options.visibilityTimeoutSeconds);
  const redrive = p['RedrivePolicy'] as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
  if (redrive) {
    attributes['RedrivePolicy'] = JSON.stringify({
      deadLetterTargetArn: resolveReference(redrive.deadLetterTargetArn, made),
      maxReceiveCount: redrive.maxReceiveCount,
    });
  }
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  made.queues[logicalId] = { name, url: QueueUrl!, arn: Attributes!['QueueArn']! };
}

async function createBucket(s3: S3Client, logicalId: string, resource: CfnResource, made: Provisioned, definitions: Definitions): Promise<void> {
  const p = props(resource);
  const name = String(p['BucketName'] ?? localName(definitions, logicalId));
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
  made.buckets[logicalId] = name;
  const configs = (
    (p['NotificationConfiguration'] as { QueueConfigurations?: Array<{ Event: string; Queue: unknown }> } | undefined)?.QueueConfigurations ?? []
  ).filter((config) => config.Event.startsWith('s3:ObjectCreated'));
  made.notifications[name] = configs.map((config) => {
    const arn = resolveReference(config.Queue, made);
    const queue = Object.values(made.queues).find((q) => q.arn === arn);
    if (!queue) throw new ProwlError('prowl_config_invalid', `${logicalId} notifies ${arn}, which the local stack did not create`);
    return queue.url;
  });
}

/**
 * A table kept from an earlier run (the data directory) must have the indexes the template declares
 * now: the emulator cannot add one to an existing table, and a query on a missing index fails later
 * with a message that names neither the table nor the cure.
 */
async function expectIndexes(dynamodb: DynamoDBClient, table: string, declared: ReadonlyArray<{ IndexName?: string | undefined }>): Promise<void> {
  const existing = (await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table?.GlobalSecondaryIndexes ?? [];
  const missing = declared.map((index) => index.IndexName).filter((name) => !existing.some((index) => index.IndexName === name));
  if (missing.length > 0)
    throw new ProwlError(
      'prowl_config_invalid',
      `the local table ${table} was created by an older Prowl and lacks the index ${missing.join(', ')}; start with a fresh data directory (delete .prowl/, or pass another --data)`,
    );
}

async function createTable(dynamodb: DynamoDBClient, logicalId: string, resource: CfnResource, made: Provisioned, definitions: Definitions): Promise<void> {
  const p = props(resource);
  const name = String(p['TableName'] ?? localName(definitions, logicalId));
  // PITR, TTL and SSE are AWS-side settings the emulator has no API for; keys and indexes are what matter locally.
  const input = {
    TableName: name,
    AttributeDefinitions: p['AttributeDefinitions'],
    KeySchema: p['KeySchema'],
    BillingMode: p['BillingMode'] ?? 'PAY_PER_REQUEST',
    ...(p['GlobalSecondaryIndexes'] ? { GlobalSecondaryIndexes: p['GlobalSecondaryIndexes'] } : {}),
  } as CreateTableCommandInput;
  try {
    await dynamodb.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await expectIndexes(dynamodb, name, input.GlobalSecondaryIndexes ?? []);
  }
  made.tables[logicalId] = name;
}

/** Queues first (dead-letter queues before the queues that point at them), then buckets and tables. */
function creationOrder(resources: Record<string, CfnResource>): Array<[string, CfnResource]> {
  const rank = (r: CfnResource): number => {
    if (r.Type === 'AWS::SQS::Queue') return props(r)['RedrivePolicy'] ? 1 : 0;
    if (r.Type === 'AWS::S3::Bucket') return 2;
    return 3;
  };
  return Object.entries(resources).sort(([, a], [, b]) => rank(a) - rank(b));
}

/** Creates every queue, bucket and table in the definitions; safe to run again on existing data. */
export async function provision(
  definitions: Definitions,
  clients: { s3: S3Client; sqs: SQSClient; dynamodb: DynamoDBClient },
  options: ProvisionOptions = {},
): Promise<Provisioned> {
  const made: Provisioned = { queues: {}, buckets: {}, tables: {}, notifications: {} };
  for (const [logicalId, resource] of creationOrder(definitions.resources)) {
    switch (resource.Type) {
      case 'AWS::SQS::Queue':
        await createQueue(clients.sqs, logicalId, resource, made, options, definitions);
        break;
      case 'AWS::S3::Bucket':
        await createBucket(clients.s3, logicalId, resource, made, definitions);
        break;
      case 'AWS::DynamoDB::Table':
        await createTable(clients.dynamodb, logicalId, resource, made, definitions);
        break;
      default:
        // Policies, alarms, Glue and IAM have no local counterpart; the emulators do not enforce them.
        break;
    }
  }
  return made;
}

/** The functions' environment with Ref/GetAtt answered by what was created locally. */
export function resolveEnvironment(environment: Record<string, unknown>, made: Provisioned): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, resolveReference(value, made)]));
}
