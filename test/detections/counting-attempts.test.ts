import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { assumedRoleIdentity, cloudTrailEvent } from '../../src/detect/test-events';
import { replayCloudTrail } from '../helpers/replay-events';

/** Rules whose thresholds count what someone tries, not how many API calls they make. */

const APP = assumedRoleIdentity('orders-api', 'task-1');

function ruleIds(events: ReturnType<typeof cloudTrailEvent>[]): string[] {
  return replayCloudTrail(events, EMPTY_DETECTION_SETTINGS).map((alert) => alert.ruleId);
}

describe('AccessDeniedBurst', () => {
  it('stays quiet for an application retrying one forbidden call all hour', () => {
    const retries = Array.from({ length: 60 }, () =>
      cloudTrailEvent({ eventSource: 'sqs.amazonaws.com', eventName: 'SendMessage', userIdentity: APP, errorCode: 'AccessDenied' }),
    );
    expect(ruleIds(retries)).not.toContain('AWS.CloudTrail.AccessDeniedBurst');
  });

  it('fires when one principal is denied ten different actions', () => {
    const actions = [
      'iam:ListUsers',
      'iam:ListRoles',
      's3:ListBuckets',
      'ec2:DescribeInstances',
      'ec2:DescribeSnapshots',
      'rds:DescribeDBInstances',
      'lambda:ListFunctions20150331',
      'kms:ListKeys',
      'secretsmanager:ListSecrets',
      'dynamodb:ListTables',
    ];
    const enumeration = actions.map((action) => {
      const [service = '', name = ''] = action.split(':');
      return cloudTrailEvent({
        eventSource: `${service}.amazonaws.com`,
        eventName: name,
        userIdentity: APP,
        errorCode: service === 'ec2' ? 'Client.UnauthorizedOperation' : 'AccessDenied',
      });
    });
    expect(ruleIds(enumeration)).toContain('AWS.CloudTrail.AccessDeniedBurst');
    expect(ruleIds(enumeration.slice(0, 9))).not.toContain('AWS.CloudTrail.AccessDeniedBurst');
  });
});

describe('SecretsBulkRead', () => {
  it('stays quiet for an application reading its own secret on every request', () => {
    const reads = Array.from({ length: 200 }, () =>
      cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'GetSecretValue',
        userIdentity: APP,
        requestParameters: { secretId: 'prod/orders/db' },
      }),
    );
    expect(ruleIds(reads)).not.toContain('AWS.CloudTrail.SecretsBulkRead');
  });

  it('fires on one batch call naming ten secrets', () => {
    const batch = cloudTrailEvent({
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'BatchGetSecretValue',
      userIdentity: APP,
      requestParameters: { secretIdList: Array.from({ length: 10 }, (_, i) => `prod/secret-${i}`) },
    });
    expect(ruleIds([batch])).toContain('AWS.CloudTrail.SecretsBulkRead');
  });
});

describe('Ec2InstanceCredentialsUsedElsewhere', () => {
  const instance = assumedRoleIdentity('web-app-instance-role', 'i-0a1b2c3d4e5f67890');

  it('stays quiet while an instance calls AWS from its own address all day', () => {
    const calls = Array.from({ length: 60 }, () => cloudTrailEvent({ userIdentity: instance, sourceIPAddress: '54.210.3.10' }));
    expect(ruleIds(calls)).not.toContain('AWS.CloudTrail.Ec2InstanceCredentialsUsedElsewhere');
  });

  it('fires when the same instance credentials show up from a second address', () => {
    const calls = [
      cloudTrailEvent({ userIdentity: instance, sourceIPAddress: '54.210.3.10' }),
      cloudTrailEvent({ eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', userIdentity: instance, sourceIPAddress: '88.223.251.255' }),
    ];
    expect(ruleIds(calls)).toContain('AWS.CloudTrail.Ec2InstanceCredentialsUsedElsewhere');
  });
});
