import { join } from 'node:path';
import { rules } from '../../detections';
import { policies } from '../../detections/policies';
import { checkDetectionId, detectionFileStem, DETECTION_ID_GRAMMAR, isDetectionId } from '../../src/detect/detection-id';
import { definePolicy } from '../../src/detect/policy';
import { defineRule } from '../../src/detect/rule';
import { readSigmaRules, sigmaRuleId } from '../../src/detect/sigma';
import { isProwlError } from '../../src/errors';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'sigmahq-aws-cloudtrail');

describe('the detection id grammar', () => {
  const accepted = [
    'AWS.CloudTrail.RootConsoleLogin',
    'AWS.S3.Bucket.EncryptionDisabled',
    'AWS.Resource.Untagged',
    'Sigma.AWS.CloudTrail.2FADisabled',
    'Custom.AppAudit.AdminLogin',
  ];
  const refused = [
    'RootConsoleLogin',
    'AWS.RootConsoleLogin',
    'aws.cloudtrail.root_console_login',
    'AWS.CloudTrail.Root-Login',
    'AWS.CloudTrail.',
    'AWS..Login',
    '1AWS.CloudTrail.X',
    'AWS.CloudTrail.Rööt',
  ];
  it.each([...accepted.map((id) => [id, true] as const), ...refused.map((id) => [id, false] as const)])('takes %s: %s', (id, valid) => {
    expect(isDetectionId(id)).toBe(valid);
  });

  it('is kept by every rule and policy of the bundled pack', () => {
    expect([...rules, ...policies].map((detection) => detection.id).filter((id) => !isDetectionId(id))).toEqual([]);
  });

  it('refuses a bad id with a config error that explains the grammar', () => {
    let thrown: unknown;
    try {
      checkDetectionId('root-login', 'rule');
    } catch (error) {
      thrown = error;
    }
    expect(isProwlError(thrown, 'prowl_config_invalid')).toBe(true);
    expect((thrown as Error).message).toBe(`rule id "root-login" does not keep the detection id grammar: expected ${DETECTION_ID_GRAMMAR}`);
  });

  it('is checked when a rule or a policy is defined', () => {
    const rule = { logTypes: ['AWS.CloudTrail'] as const, severity: 'LOW' as const, description: 'd', runbook: 'r', tags: [], rule: () => true, tests: [] };
    expect(() => defineRule({ ...rule, id: 'root_login' })).toThrow(/^rule id "root_login" does not keep the detection id grammar/);
    const policy = {
      resourceTypes: ['AWS.S3.Bucket'] as const,
      severity: 'LOW' as const,
      description: 'd',
      runbook: 'r',
      tags: [],
      policy: () => true,
      tests: [],
    };
    expect(() => definePolicy({ ...policy, id: 'AWS.S3.Bucket.no-versioning' })).toThrow(
      /^policy id "AWS.S3.Bucket.no-versioning" does not keep the detection id grammar/,
    );
  });

  it('maps a Sigma title to an id that keeps it, whatever the title holds', () => {
    expect(sigmaRuleId('AWS.CloudTrail', 'AWS — 2fa disabled (Ünïcode)')).toBe('Sigma.AWS.CloudTrail.AWS2faDisabledUnicode');
  });

  it('gives every rule of SigmaHQ’s CloudTrail folder an id in the grammar, keeping its UUID as the Sigma id', () => {
    const { loaded } = readSigmaRules(CORPUS);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.map(({ rule }) => rule.id).filter((id) => !isDetectionId(id) || !id.startsWith('Sigma.AWS.CloudTrail.'))).toEqual([]);
    const sigmaIds = loaded.map(({ rule }) => rule.alertContext?.({} as never)?.['sigmaId']);
    expect(sigmaIds.filter((id) => typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))).toEqual([]);
  });
});

describe('the file a detection lives in', () => {
  it.each([
    ['AWS.CloudTrail.RootConsoleLogin', 'aws_cloudtrail_root_console_login'],
    ['AWS.CloudTrail.Ec2UserDataRead', 'aws_cloudtrail_ec2_user_data_read'],
    ['AWS.CloudTrail.Route53ResolverQueryLoggingRemoved', 'aws_cloudtrail_route53_resolver_query_logging_removed'],
    ['AWS.S3.Bucket.PublicACLGrant', 'aws_s3_bucket_public_acl_grant'],
    ['AWS.EC2.NetworkACL.OpenToWorld', 'aws_ec2_networkacl_open_to_world'],
    ['Sigma.AWS.CloudTrail.VPCTrafficMirroringSessionCreated', 'sigma_aws_cloudtrail_vpc_traffic_mirroring_session_created'],
  ])('of %s is %s', (id, stem) => {
    expect(detectionFileStem(id)).toBe(stem);
  });
});
