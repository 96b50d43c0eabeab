import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
/**
 * Synthetic logs for the benchmarks: deterministic (seeded), varied like real traffic (several
 * event shapes, callers, sizes), so every run measures the same bytes.
 */

/** A small seeded generator, so every run benchmarks the same bytes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ACCOUNTS = ['123456789012', '210987654321', '345678901234'];
const USERS = ['alice', 'bob', 'carol@example.com', 'deploy-bot', 'dave'];
const AGENTS = [
  'aws-cli/2.15.0 Python/3.11.6 Linux/5.10.205 exe/x86_64.amzn.2 prompt/off command/s3.cp',
  'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0',
  'console.amazonaws.com',
  'aws-sdk-java/2.21.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9',
];

export function cloudTrailRecord(next: () => number, index: number): Record<string, unknown> {
  const account = ACCOUNTS[Math.floor(next() * ACCOUNTS.length)]!;
  const user = USERS[Math.floor(next() * USERS.length)]!;
  const second = String(index % 60).padStart(2, '0');
  const base = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE${index % 97}:${user}`,
      arn: `arn:aws:sts::${account}:assumed-role/Engineer/${user}`,
      accountId: account,
      accessKeyId: `ASIAEXAMPLE${String(index % 1000).padStart(6, '0')}`,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: `AROAEXAMPLE${index % 97}`,
          arn: `arn:aws:iam::${account}:role/Engineer`,
          accountId: account,
          userName: 'Engineer',
        },
        webIdFederationData: {},
        attributes: { creationDate: '2026-11-22T09:00:00Z', mfaAuthenticated: next() < 0.5 ? 'true' : 'false' },
      },
    },
    eventTime: `2026-11-22T10:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${second}Z`,
    awsRegion: next() < 0.8 ? 'us-east-1' : 'eu-west-1',
    sourceIPAddress: `198.51.100.${Math.floor(next() * 254) + 1}`,
    userAgent: AGENTS[Math.floor(next() * AGENTS.length)]!,
    requestID: `${index.toString(16).padStart(8, '0')}-3e3d-4081-9c9f-5d4e3f2a1b03`,
    eventID: `${(index * 7919).toString(16).padStart(8, '0')}-1c1b-4e6f-9a7d-3b2c1d0e9f81`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'ec2.us-east-1.amazonaws.com' },
  };
  const shape = next();
  if (shape < 0.4) {
    return {
      ...base,
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      requestParameters: { instancesSet: { items: [{ instanceId: `i-0${index.toString(16).padStart(16, '0')}` }] }, filterSet: {} },
      responseElements: null,
    };
  }
  if (shape < 0.7) {
    return {
      ...base,
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      managementEvent: false,
      eventCategory: 'Data',
      requestParameters: { bucketName: 'prowl-demo-data', Host: 'prowl-demo-data.s3.us-east-1.amazonaws.com', key: `reports/2026/11/${index}.csv` },
      responseElements: null,
      additionalEventData: {
        SignatureVersion: 'SigV4',
        CipherSuite: 'TLS_AES_128_GCM_SHA256',
        bytesTransferredIn: 0,
        bytesTransferredOut: Math.floor(next() * 1e6),
        'x-amz-id-2': 'EXAMPLE+id/2=',
      },
      resources: [
        { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::prowl-demo-data/reports/2026/11/${index}.csv` },
        { accountId: account, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::prowl-demo-data' },
      ],
    };
  }
  if (shape < 0.9) {
    return {
      ...base,
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      requestParameters: { roleArn: `arn:aws:iam::${account}:role/Deploy`, roleSessionName: `${user}-session`, durationSeconds: 3600 },
      responseElements: {
        credentials: { accessKeyId: `ASIANEW${index}`, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE'.repeat(8), expiration: 'Nov 22, 2026, 11:00:00 AM' },
        assumedRoleUser: { assumedRoleId: `AROAEXAMPLE:${user}-session`, arn: `arn:aws:sts::${account}:assumed-role/Deploy/${user}-session` },
      },
      resources: [{ accountId: account, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${account}:role/Deploy` }],
    };
  }
  return {
    ...base,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    readOnly: false,
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0123456789abcdef0', minCount: 1, maxCount: 1 }] },
      instanceType: 'm7g.large',
      tagSpecificationSet: {
        items: [
          {
            resourceType: 'instance',
            tags: [
              { key: 'Name', value: `worker-${index}` },
              { key: 'team', value: 'platform' },
            ],
          },
        ],
      },
    },
    responseElements: { instancesSet: { items: [{ instanceId: `i-0${index.toString(16).padStart(16, '0')}`, instanceState: { code: 0, name: 'pending' } }] } },
  };
}

export function cloudTrailDocument(records: number): Buffer {
  const next = random(1);
  const parts: string[] = [];
  for (let i = 0; i < records; i++) parts.push(JSON.stringify(cloudTrailRecord(next, i)));
  return Buffer.from(`{"Records":[${parts.join(',')}]}`);
}

const OPERATIONS = ['REST.GET.OBJECT', 'REST.PUT.OBJECT', 'REST.HEAD.OBJECT', 'REST.GET.BUCKET', 'REST.DELETE.OBJECT'];

export function s3AccessLines(lines: number): Buffer {
  const next = random(2);
  const owner = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const operation = OPERATIONS[Math.floor(next() * OPERATIONS.length)]!;
    const key = `reports/2026/11/${i}.csv`;
    const denied = next() < 0.05;
    const requester = next() < 0.1 ? '-' : `arn:aws:iam::123456789012:user/${USERS[i % USERS.length]}`;
    const time = `22/Nov/2026:10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} +0000`;
    out.push(
      `${owner} prowl-demo-data [${time}] 198.51.100.${(i % 254) + 1} ${requester} ${i.toString(16).toUpperCase().padStart(16, '0')} ${operation} ${key} ` +
        `"GET /prowl-demo-data/${key} HTTP/1.1" ${denied ? 403 : 200} ${denied ? 'AccessDenied' : '-'} ${Math.floor(next() * 1e6)} ${Math.floor(next() * 1e6)} ${Math.floor(next() * 200)} ${Math.floor(next() * 50)} ` +
        `"-" "${AGENTS[i % AGENTS.length]}" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader prowl-demo-data.s3.us-east-1.amazonaws.com TLSv1.2 - -`,
    );
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

/** A root console login: what a large file hides that must still reach Slack. */
function rootConsoleLogin(index: number, nth: number): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
    eventTime: '2026-11-22T10:30:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: `203.0.113.${(nth % 250) + 1}`,
    userAgent: 'Mozilla/5.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
    eventID: `large-file-root-login-${index}`,
    eventType: 'AwsConsoleSignIn',
    recipientAccountId: '123456789012',
  };
}

/**
 * A gzip CloudTrail file of at least `uncompressedBytes` of JSON, written as it is generated. One
 * record in every `rootLoginEvery` is a root console login from its own address, so the file
 * raises a known number of alerts.
 */
export async function writeLargeCloudTrailFile(
  path: string,
  uncompressedBytes: number,
  rootLoginEvery = 250_000,
): Promise<{ uncompressed: number; records: number; rootLogins: number }> {
  const gzip = createGzip({ level: 1 });
  const done = gzip.pipe(createWriteStream(path));
  const next = random(3);
  let uncompressed = 0;
  let records = 0;
  let rootLogins = 0;
  const write = async (text: string): Promise<void> => {
    uncompressed += Buffer.byteLength(text);
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  await write('{"Records":[');
  while (uncompressed < uncompressedBytes) {
    const batch: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const index = records + i;
      const login = index % rootLoginEvery === rootLoginEvery - 1;
      if (login) rootLogins += 1;
      batch.push(JSON.stringify(login ? rootConsoleLogin(index, rootLogins) : cloudTrailRecord(next, index)));
    }
    await write((records === 0 ? '' : ',') + batch.join(','));
    records += batch.length;
  }
  await write(']}');
  gzip.end();
  await once(done, 'finish');
  return { uncompressed, records, rootLogins };
}

const minute = (i: number): string => String(Math.floor(i / 60) % 60).padStart(2, '0');
const second = (i: number): string => String(i % 60).padStart(2, '0');

/** CloudTrail Insights files: Start/End pairs on a handful of APIs, with attributions. */
export function cloudTrailInsightDocument(records: number): Buffer {
  const next = random(4);
  const apis = [
    ['iam.amazonaws.com', 'CreateAccessKey'],
    ['kms.amazonaws.com', 'Decrypt'],
    ['s3.amazonaws.com', 'DeleteObjects'],
    ['ec2.amazonaws.com', 'RunInstances'],
  ];
  const parts: string[] = [];
  for (let i = 0; i < records; i++) {
    const [eventSource, eventName] = apis[Math.floor(next() * apis.length)]!;
    const state = i % 2 === 0 ? 'Start' : 'End';
    const statistics: Record<string, unknown> = {
      baseline: { average: next() },
      insight: { average: 10 + next() * 50 },
      ...(state === 'End' ? { insightDuration: 11, baselineDuration: 10079 } : {}),
    };
    parts.push(
      JSON.stringify({
        eventVersion: '1.08',
        eventTime: `2026-11-22T10:${minute(i)}:${second(i)}Z`,
        awsRegion: 'us-east-1',
        eventID: `${(i * 7919).toString(16).padStart(8, '0')}-3a56-48cc-a8a5-e0af77606f5f`,
        eventType: 'AwsCloudTrailInsight',
        recipientAccountId: ACCOUNTS[i % ACCOUNTS.length],
        sharedEventID: `${Math.floor(i / 2)
          .toString(16)
          .padStart(8, '0')}-3348-4794-83d3-a3db26525049`,
        insightDetails: {
          state,
          eventSource,
          eventName,
          insightType: 'ApiCallRateInsight',
          insightContext: {
            statistics,
            attributions: [
              {
                attribute: 'userIdentityArn',
                insight: [{ value: `arn:aws:iam::${ACCOUNTS[0]}:user/${USERS[i % USERS.length]}`, average: 12.5 }],
                baseline: [{ value: `arn:aws:iam::${ACCOUNTS[0]}:role/Deploy`, average: 0.2 }],
              },
            ],
          },
        },
        eventCategory: 'Insight',
      }),
    );
  }
  return Buffer.from(`{"Records":[${parts.join(',')}]}`);
}

const NAMES = [
  'api.github.com.',
  'sqs.us-east-1.amazonaws.com.',
  'orders-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com.',
  'registry.npmjs.org.',
  'www.example.com.',
];

/** Route 53 Resolver query logs, one JSON object per line. */
export function vpcDnsLines(lines: number): Buffer {
  const next = random(5);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const answers =
      next() < 0.1
        ? []
        : [
            { Rdata: `54.187.${i % 250}.${(i * 7) % 250}`, Type: 'A', Class: 'IN' },
            { Rdata: `54.187.${(i + 1) % 250}.${(i * 11) % 250}`, Type: 'A', Class: 'IN' },
          ];
    out.push(
      JSON.stringify({
        version: '1.100000',
        account_id: ACCOUNTS[i % ACCOUNTS.length],
        region: 'us-east-1',
        vpc_id: 'vpc-0abc1234def567890',
        query_timestamp: `2026-11-22T10:${minute(i)}:${second(i)}Z`,
        query_name: NAMES[Math.floor(next() * NAMES.length)],
        query_type: 'A',
        query_class: 'IN',
        rcode: answers.length === 0 ? 'NXDOMAIN' : 'NOERROR',
        answers,
        srcaddr: `10.0.${i % 250}.${(i * 3) % 250}`,
        srcport: String(32768 + (i % 28000)),
        transport: 'UDP',
        srcids: { instance: `i-0${(i % 5000).toString(16).padStart(16, '0')}` },
      }),
    );
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

/** AWS WAF v2 logs, one JSON object per line: mostly allowed requests, some blocked by managed rules. */
export function wafLines(lines: number): Buffer {
  const next = random(6);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const blocked = next() < 0.1;
    const detail = { conditionType: 'SQL_INJECTION', sensitivityLevel: 'HIGH', location: 'QUERY_STRING', matchedData: ['1', 'OR', "'1'='1'"] };
    out.push(
      JSON.stringify({
        timestamp: 1795341600000 + i * 37,
        formatVersion: 1,
        webaclId: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop-prod/6b8e0f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
        terminatingRuleId: blocked ? 'AWS-AWSManagedRulesSQLiRuleSet' : 'Default_Action',
        terminatingRuleType: blocked ? 'MANAGED_RULE_GROUP' : 'REGULAR',
        action: blocked ? 'BLOCK' : 'ALLOW',
        terminatingRuleMatchDetails: blocked ? [detail] : [],
        httpSourceName: 'ALB',
        httpSourceId: '123456789012-app/shop-prod-alb/50dc6c495c0c9188',
        ruleGroupList: [
          {
            ruleGroupId: 'AWS#AWSManagedRulesSQLiRuleSet',
            terminatingRule: blocked ? { ruleId: 'SQLi_QUERYARGUMENTS', action: 'BLOCK', ruleMatchDetails: [detail] } : null,
            nonTerminatingMatchingRules: [],
            excludedRules: null,
          },
        ],
        rateBasedRuleList: [],
        nonTerminatingMatchingRules: [],
        requestHeadersInserted: null,
        responseCodeSent: null,
        httpRequest: {
          clientIp: `198.51.100.${(i % 254) + 1}`,
          country: 'US',
          headers: [
            { name: 'Host', value: 'shop.example.com' },
            { name: 'User-Agent', value: AGENTS[i % AGENTS.length] },
            { name: 'Accept', value: '*/*' },
          ],
          uri: `/api/items/${i}`,
          args: blocked ? "id=1%20OR%20'1'='1'" : `page=${i % 10}`,
          httpVersion: 'HTTP/1.1',
          httpMethod: 'GET',
          requestId: `1-6740583c-${i.toString(16).padStart(24, '0')}`,
        },
        labels: blocked ? [{ name: 'awswaf:managed:aws:sql-database:SQLi_QueryArguments' }] : [],
      }),
    );
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

/** EventBridge events of services no specific log type reads, one per line. */
export function eventBridgeLines(lines: number): Buffer {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const instance = `i-0${(i % 5000).toString(16).padStart(16, '0')}`;
    out.push(
      JSON.stringify({
        version: '0',
        id: `${i.toString(16).padStart(8, '0')}-1428-4cd3-a780-95db273d1602`,
        'detail-type': 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        account: ACCOUNTS[i % ACCOUNTS.length],
        time: `2026-11-22T10:${minute(i)}:${second(i)}Z`,
        region: 'us-east-1',
        resources: [`arn:aws:ec2:us-east-1:${ACCOUNTS[i % ACCOUNTS.length]}:instance/${instance}`],
        detail: { 'instance-id': instance, state: i % 3 === 0 ? 'stopped' : 'running' },
      }),
    );
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

/** Aurora MySQL audit lines: connects, reads and quoted queries with commas and escaped quotes. */
export function auroraAuditLines(lines: number): Buffer {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const micros = 1795341600000000 + i * 1234;
    const user = USERS[i % USERS.length]!.replace(/[^a-z]/g, '');
    const kind = i % 4;
    const object =
      kind === 0
        ? ''
        : kind === 1
          ? 'orders'
          : `'SELECT \`id\`, \`status\`, \`total\` FROM \`orders\` WHERE \`customer_id\` = ${i} AND \`status\` IN (\\'paid\\',\\'shipped\\') LIMIT 20'`;
    const operation = kind === 0 ? 'CONNECT' : kind === 1 ? 'READ' : 'QUERY';
    out.push(
      `${micros},orders-db-instance-1,${user},10.0.${i % 250}.${(i * 3) % 250},${10000 + (i % 500)},${kind === 0 ? 0 : 2290000 + i},${operation},orders,${object},0`,
    );
  }
  return Buffer.from(`${out.join('\n')}\n`);
}
