import { AthenaClient } from '@aws-sdk/client-athena';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config';

export interface AwsClients {
  s3: S3Client;
  sqs: SQSClient;
  dynamodb: DynamoDBClient;
  /** The document client over `dynamodb`: plain JavaScript values in and out. */
  ddb: DynamoDBDocumentClient;
  ssm: SSMClient;
  athena: AthenaClient;
  /** STS with Prowl's own credentials: scans assume the audit role in each account through it. */
  sts: STSClient;
}

/** Emulators accept any credentials; passing some keeps the SDK from searching for real ones. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'prowl-local', secretAccessKey: 'prowl-local' };

/** Builds the SDK clients once per process (handlers at cold start, the CLI at start). */
export function createAwsClients(config: Pick<RuntimeConfig, 'region' | 'endpoints'>): AwsClients {
  const { region, endpoints } = config;
  const local = (endpoint: string | undefined) => (endpoint ? { endpoint, credentials: EMULATOR_CREDENTIALS } : {});
  const dynamodb = new DynamoDBClient({ region, ...local(endpoints.dynamodb) });
  return {
    // Emulators serve buckets by path, not by virtual host names.
    s3: new S3Client({ region, ...local(endpoints.s3), ...(endpoints.s3 ? { forcePathStyle: true } : {}) }),
    sqs: new SQSClient({ region, ...local(endpoints.sqs) }),
    dynamodb,
    ddb: DynamoDBDocumentClient.from(dynamodb, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
    ssm: new SSMClient({ region }),
    athena: new AthenaClient({ region }),
    sts: new STSClient({ region }),
  };
}
