import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../detections';
import { EMPTY_DETECTION_SETTINGS, readConfigFile, type DetectionSettings } from '../../src/config';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../../src/detect/test-events';
import type { CloudTrailEvent } from '../../src/logs/cloudtrail';
import { replayCloudTrail } from '../helpers/replay-events';

/**
 * Every Stratus Red Team AWS technique the pack promises to catch, detonated as CloudTrail records
 * shaped the way AWS logs them (denied calls where Stratus makes them fail), run through the real
 * parser, engine and threshold counting. The table in detections/README.md is the promise.
 */

const ROOT = join(__dirname, '..', '..');
const ATTACKER = iamUserIdentity('christophe');
const ATTACKER_ROLE = assumedRoleIdentity('stratus-red-team-role', 'aws-go-sdk-1722375070115152000');
const INSTANCE = assumedRoleIdentity('stratus-red-team-instance-role', 'i-0adc17a5acb70d9ae');
const OUTSIDE_ACCOUNT = '193672423079';
const DENIED = { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' };
const ACCESS_DENIED = { errorCode: 'AccessDenied', errorMessage: 'is not authorized to perform this action' };

type Fields = Parameters<typeof cloudTrailEvent>[0];

function call(eventSource: string, eventName: string, requestParameters: Record<string, unknown> | null, fields: Fields = {}): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource,
    eventName,
    requestParameters,
    userIdentity: ATTACKER,
    sourceIPAddress: '88.223.251.255',
    userAgent: 'aws-sdk-go-v2/1.30.3',
    readOnly: false,
    ...fields,
  });
}

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

function s3Data(eventName: string, requestParameters: Record<string, unknown>, fields: Fields = {}): CloudTrailEvent {
  return call(
    's3.amazonaws.com',
    eventName,
    { bucketName: 'stratus-red-team-ransomware-bucket', Host: 'stratus-red-team-ransomware-bucket.s3.us-east-1.amazonaws.com', ...requestParameters },
    { eventCategory: 'Data', managementEvent: false, ...fields },
  );
}

function trustPolicy(principal: unknown): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
}

const DETONATIONS: Record<string, CloudTrailEvent[]> = {
  'aws.credential-access.ec2-get-password-data': times(30, (i) =>
    call(
      'ec2.amazonaws.com',
      'GetPasswordData',
      { instanceId: `i-${String(i).padStart(16, 'a')}` },
      { userIdentity: ATTACKER_ROLE, readOnly: true, ...DENIED },
    ),
  ),
  'aws.credential-access.ec2-steal-instance-credentials': [
    call('ssm.amazonaws.com', 'UpdateInstanceInformation', { instanceId: 'i-0adc17a5acb70d9ae' }, { userIdentity: INSTANCE, sourceIPAddress: '54.210.3.10' }),
    call('sts.amazonaws.com', 'GetCallerIdentity', null, { userIdentity: INSTANCE, sourceIPAddress: '88.223.251.255', readOnly: true }),
    call('ec2.amazonaws.com', 'DescribeInstances', {}, { userIdentity: INSTANCE, sourceIPAddress: '88.223.251.255', readOnly: true }),
  ],
  'aws.credential-access.secretsmanager-batch-retrieve-secrets': times(5, () =>
    call('secretsmanager.amazonaws.com', 'BatchGetSecretValue', { filters: [{ key: 'tag-key', values: ['StratusRedTeam'] }] }, { readOnly: true }),
  ),
  'aws.credential-access.secretsmanager-retrieve-secrets': times(20, (i) =>
    call(
      'secretsmanager.amazonaws.com',
      'GetSecretValue',
      { secretId: `arn:aws:secretsmanager:us-east-1:123456789012:secret:stratus-red-team-retrieve-secret-${i}-AbCdEf` },
      { readOnly: true },
    ),
  ),
  'aws.credential-access.ssm-retrieve-securestring-parameters': times(4, (batch) =>
    call(
      'ssm.amazonaws.com',
      'GetParameters',
      { names: times(10, (i) => `/credentials/stratus-red-team/credentials-${batch * 10 + i}`), withDecryption: true },
      { readOnly: true },
    ),
  ),
  'aws.defense-evasion.cloudtrail-delete': [call('cloudtrail.amazonaws.com', 'DeleteTrail', { name: 'stratus-red-team-trail' })],
  'aws.defense-evasion.cloudtrail-event-selectors': [
    call('cloudtrail.amazonaws.com', 'PutEventSelectors', {
      trailName: 'stratus-red-team-trail',
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [], excludeManagementEventSources: [] }],
    }),
  ],
  'aws.defense-evasion.cloudtrail-lifecycle-rule': [
    call('s3.amazonaws.com', 'PutBucketLifecycle', {
      bucketName: 'stratus-red-team-cloudtrail-bucket',
      lifecycle: '',
      LifecycleConfiguration: { Rule: { ID: 'nuke-cloudtrail-logs-after-1-day', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } } },
    }),
  ],
  'aws.defense-evasion.cloudtrail-stop': [call('cloudtrail.amazonaws.com', 'StopLogging', { name: 'stratus-red-team-trail' })],
  'aws.defense-evasion.dns-delete-logs': [
    call('route53resolver.amazonaws.com', 'DeleteResolverQueryLogConfig', { resolverQueryLogConfigId: 'rqlc-3c6c6a1d2e3f4a5b' }),
  ],
  'aws.defense-evasion.organizations-leave': [
    call('organizations.amazonaws.com', 'LeaveOrganization', null, { userIdentity: ATTACKER_ROLE, ...ACCESS_DENIED }),
  ],
  'aws.defense-evasion.vpc-remove-flow-logs': [
    call('ec2.amazonaws.com', 'DeleteFlowLogs', { DeleteFlowLogsRequest: { FlowLogId: { tag: 1, content: 'fl-0123456789abcdef0' } } }),
  ],
  'aws.discovery.ec2-download-user-data': times(15, (i) =>
    call(
      'ec2.amazonaws.com',
      'DescribeInstanceAttribute',
      { attribute: 'userData', instanceId: `i-${(0x95b86090 + i).toString(16)}` },
      { userIdentity: ATTACKER_ROLE, readOnly: true, ...DENIED },
    ),
  ),
  'aws.discovery.ec2-enumerate-from-instance': [
    ['sts.amazonaws.com', 'GetCallerIdentity'],
    ['s3.amazonaws.com', 'ListBuckets'],
    ['iam.amazonaws.com', 'GetAccountSummary'],
    ['iam.amazonaws.com', 'ListRoles'],
    ['iam.amazonaws.com', 'ListUsers'],
    ['iam.amazonaws.com', 'GetAccountAuthorizationDetails'],
    ['ec2.amazonaws.com', 'DescribeSnapshots'],
    ['cloudtrail.amazonaws.com', 'DescribeTrails'],
    ['guardduty.amazonaws.com', 'ListDetectors'],
  ].map(([source = '', name = '']) => call(source, name, null, { userIdentity: INSTANCE, sourceIPAddress: '54.210.3.10', readOnly: true })),
  'aws.discovery.ses-enumerate': ['GetAccountSendingEnabled', 'GetSendQuota', 'ListIdentities', 'GetIdentityVerificationAttributes'].map((name) =>
    call('ses.amazonaws.com', name, null, { readOnly: true }),
  ),
  'aws.execution.ec2-launch-unusual-instances': times(3, () =>
    call(
      'ec2.amazonaws.com',
      'RunInstances',
      {
        instanceType: 'p2.xlarge',
        instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', maxCount: 10, minCount: 1 }] },
        subnetId: 'subnet-0e540f0c7ffb48ae9',
      },
      { userIdentity: ATTACKER_ROLE, ...DENIED },
    ),
  ),
  'aws.execution.ec2-user-data': [
    call('ec2.amazonaws.com', 'ModifyInstanceAttribute', { instanceId: 'i-0adc17a5acb70d9ae', userData: '<sensitiveDataRemoved>' }),
  ],
  'aws.execution.sagemaker-update-lifecycle-config': [
    call('sagemaker.amazonaws.com', 'StopNotebookInstance', { notebookInstanceName: 'stratus-red-team-notebook' }),
    call('sagemaker.amazonaws.com', 'UpdateNotebookInstance', {
      notebookInstanceName: 'stratus-red-team-notebook',
      lifecycleConfigName: 'stratus-red-team-malicious-lifecycle',
    }),
    call('sagemaker.amazonaws.com', 'StartNotebookInstance', { notebookInstanceName: 'stratus-red-team-notebook' }),
  ],
  'aws.execution.ssm-send-command': [
    call('ssm.amazonaws.com', 'SendCommand', {
      instanceIds: ['i-0adc17a5acb70d9ae'],
      documentName: 'AWS-RunShellScript',
      parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    }),
  ],
  'aws.execution.ssm-start-session': [
    call(
      'ssm.amazonaws.com',
      'StartSession',
      { target: 'i-0adc17a5acb70d9ae' },
      { responseElements: { sessionId: 'christophe-0a1b2c3d4e5f', tokenValue: 'Value hidden due to security reasons.' } },
    ),
  ],
  'aws.exfiltration.ec2-security-group-open-port-22-ingress': [
    call('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', {
      groupId: 'sg-0123456789abcdef0',
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      cidrIp: '0.0.0.0/0',
    }),
  ],
  'aws.exfiltration.ec2-share-ami': [
    call('ec2.amazonaws.com', 'ModifyImageAttribute', {
      imageId: 'ami-0abcdef1234567890',
      attributeType: 'launchPermission',
      launchPermission: { add: { items: [{ userId: OUTSIDE_ACCOUNT }] } },
    }),
  ],
  'aws.exfiltration.ec2-share-ebs-snapshot': [
    call('ec2.amazonaws.com', 'ModifySnapshotAttribute', {
      snapshotId: 'snap-0123456789abcdef0',
      attributeType: 'CREATE_VOLUME_PERMISSION',
      createVolumePermission: { add: { items: [{ userId: OUTSIDE_ACCOUNT }] } },
    }),
  ],
  'aws.exfiltration.rds-share-snapshot': [
    call('rds.amazonaws.com', 'ModifyDBSnapshotAttribute', {
      dBSnapshotIdentifier: 'stratus-red-team-rds-snapshot',
      attributeName: 'restore',
      valuesToAdd: [OUTSIDE_ACCOUNT],
    }),
  ],
  'aws.exfiltration.s3-backdoor-bucket-policy': [
    call('s3.amazonaws.com', 'PutBucketPolicy', {
      bucketName: 'stratus-red-team-bdrbp-bucket',
      policy: [''],
      bucketPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OUTSIDE_ACCOUNT}:root` },
            Action: ['s3:GetObject', 's3:GetBucketLocation', 's3:ListBucket'],
            Resource: ['arn:aws:s3:::stratus-red-team-bdrbp-bucket/*', 'arn:aws:s3:::stratus-red-team-bdrbp-bucket'],
          },
        ],
      },
    }),
  ],
  'aws.impact.bedrock-invoke-model': [call('bedrock.amazonaws.com', 'InvokeModel', { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }, { readOnly: true })],
  'aws.impact.ec2-deregister-ami': [call('ec2.amazonaws.com', 'DeregisterImage', { imageId: 'ami-0abcdef1234567890' })],
  'aws.impact.s3-ransomware-batch-deletion': [
    s3Data('ListObjectVersions', { versions: '' }, { readOnly: true }),
    s3Data('DeleteObjects', { delete: '' }),
    s3Data('PutObject', { key: 'FILES-DELETED.txt' }),
  ],
  'aws.impact.s3-ransomware-client-side-encryption': [
    s3Data('ListObjects', { 'list-type': '2' }, { readOnly: true }),
    ...times(51, (i) =>
      s3Data('CopyObject', {
        key: `file-${i}.sql`,
        'x-amz-copy-source': `stratus-red-team-ransomware-bucket/file-${i}.sql`,
        'x-amz-server-side-encryption-customer-algorithm': 'AES256',
      }),
    ),
  ],
  'aws.impact.s3-ransomware-individual-deletion': [
    s3Data('ListObjectVersions', { versions: '' }, { readOnly: true }),
    ...times(51, (i) => s3Data('DeleteObject', { key: `file-${i}.sql`, versionId: `v${i}Xy.z` })),
    s3Data('PutObject', { key: 'FILES-DELETED.txt' }),
  ],
  'aws.initial-access.console-login-without-mfa': [
    cloudTrailEvent({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      readOnly: false,
      userIdentity: iamUserIdentity('stratus-red-team-console-user'),
      requestParameters: null,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
    }),
  ],
  'aws.lateral-movement.ec2-instance-connect': [
    call('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', {
      instanceId: 'i-0adc17a5acb70d9ae',
      instanceOSUser: 'ec2-user',
      sSHPublicKey: 'ssh-rsa AAAAB3Nza…',
    }),
  ],
  'aws.lateral-movement.ec2-serial-console-send-ssh-public-key': [
    call('ec2.amazonaws.com', 'EnableSerialConsoleAccess', {}),
    call('ec2-instance-connect.amazonaws.com', 'SendSerialConsoleSSHPublicKey', {
      instanceId: 'i-0adc17a5acb70d9ae',
      serialPort: 0,
      sSHPublicKey: 'ssh-rsa AAAAB3Nza…',
    }),
  ],
  'aws.persistence.iam-backdoor-role': [
    call('iam.amazonaws.com', 'UpdateAssumeRolePolicy', {
      roleName: 'stratus-red-team-backdoor-r-role',
      policyDocument: trustPolicy({ AWS: `arn:aws:iam::${OUTSIDE_ACCOUNT}:root` }),
    }),
  ],
  'aws.persistence.iam-backdoor-user': [call('iam.amazonaws.com', 'CreateAccessKey', { userName: 'stratus-red-team-backdoor-u-user' })],
  'aws.persistence.iam-create-admin-user': [
    call('iam.amazonaws.com', 'CreateUser', { userName: 'malicious-iam-user' }),
    call('iam.amazonaws.com', 'AttachUserPolicy', { userName: 'malicious-iam-user', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    call('iam.amazonaws.com', 'CreateAccessKey', { userName: 'malicious-iam-user' }),
  ],
  'aws.persistence.iam-create-backdoor-role': [
    call('iam.amazonaws.com', 'CreateRole', {
      roleName: 'stratus-red-team-malicious-iam-role',
      assumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${OUTSIDE_ACCOUNT}:root` }),
    }),
    call('iam.amazonaws.com', 'AttachRolePolicy', {
      roleName: 'stratus-red-team-malicious-iam-role',
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
  ],
  'aws.persistence.iam-create-user-login-profile': [
    call('iam.amazonaws.com', 'CreateLoginProfile', { userName: 'stratus-red-team-login-profile-user', passwordResetRequired: false }),
  ],
  'aws.persistence.lambda-backdoor-function': [
    call('lambda.amazonaws.com', 'AddPermission20150331v2', {
      action: 'lambda:InvokeFunction',
      functionName: 'stratus-red-team-backdoor-f-func',
      principal: '*',
      statementId: 'backdoor',
    }),
  ],
  'aws.persistence.lambda-layer-extension': [
    call('lambda.amazonaws.com', 'PublishLayerVersion20181031', { layerName: 'stratus-red-team-layer' }),
    call('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', {
      functionName: 'stratus-red-team-lambda-func',
      layers: ['arn:aws:lambda:us-east-1:123456789012:layer:stratus-red-team-layer:1'],
    }),
  ],
  'aws.persistence.lambda-overwrite-code': [
    call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', { functionName: 'stratus-red-team-lambda-func', publish: false, dryRun: false }),
  ],
  'aws.persistence.rolesanywhere-create-trust-anchor': [
    call('rolesanywhere.amazonaws.com', 'CreateTrustAnchor', {
      enabled: true,
      name: 'stratus-red-team-trust-anchor',
      source: { sourceData: { x509CertificateData: '-----BEGIN CERTIFICATE-----…' }, sourceType: 'CERTIFICATE_BUNDLE' },
    }),
    call('rolesanywhere.amazonaws.com', 'CreateProfile', {
      enabled: true,
      name: 'stratus-red-team-profile',
      roleArns: ['arn:aws:iam::123456789012:role/stratus-red-team-role'],
    }),
  ],
  'aws.persistence.sts-federation-token': [
    call('sts.amazonaws.com', 'GetFederationToken', {
      name: 'stratus_red_team',
      policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    }),
  ],
  'aws.privilege-escalation.iam-update-user-login-profile': [
    call('iam.amazonaws.com', 'UpdateLoginProfile', { userName: 'stratus-red-team-update-login-profile-user', passwordResetRequired: false }),
  ],
};

interface Row {
  technique: string;
  tactic: string;
  ruleId: string;
}

function readmeRows(): Row[] {
  const text = readFileSync(join(ROOT, 'detections', 'README.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| aws.'))
    .map((line) => {
      const [technique = '', tactic = '', ruleId = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return { technique, tactic, ruleId };
    });
}

function alertsFor(events: CloudTrailEvent[], settings: DetectionSettings): string[] {
  return replayCloudTrail(events, settings).map((alert) => alert.ruleId);
}

const rows = readmeRows();
const shippedSettings = readConfigFile(join(ROOT, 'prowl.config.yml')).detections;

describe('Stratus Red Team coverage (detections/README.md)', () => {
  it('lists the 44 techniques, each once, each with a rule', () => {
    expect(rows).toHaveLength(44);
    expect(new Set(rows.map((row) => row.technique)).size).toBe(44);
    expect(rows.filter((row) => !row.ruleId || !row.tactic)).toEqual([]);
    expect(Object.keys(DETONATIONS).sort()).toEqual(rows.map((row) => row.technique).sort());
  });

  it.each(rows)('$technique: $ruleId is in the pack and carries tactic $tactic', ({ ruleId, tactic }) => {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    expect(rule).toBeDefined();
    expect(rule?.tags.some((tag) => tag.startsWith(`${tactic}:`))).toBe(true);
  });

  it.each(rows)('$technique raises $ruleId with no organisation settings at all', ({ technique, ruleId }) => {
    expect(alertsFor(DETONATIONS[technique] ?? [], EMPTY_DETECTION_SETTINGS)).toContain(ruleId);
  });

  it.each(rows)('$technique raises $ruleId with the example settings of prowl.config.yml', ({ technique, ruleId }) => {
    expect(alertsFor(DETONATIONS[technique] ?? [], shippedSettings)).toContain(ruleId);
  });
});
