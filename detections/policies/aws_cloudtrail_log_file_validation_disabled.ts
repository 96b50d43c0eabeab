import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.LogFileValidationDisabled',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Log file validation is off, so CloudTrail writes no signed digest files and nobody can prove that delivered logs were not edited or deleted afterwards, as an intruder covering their tracks would.',
  runbook:
    'Enable log file validation on the trail (CloudTrail → Trails → the trail → Edit → Log file validation). Digests start from then; verify with `aws cloudtrail validate-logs`.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  tags: ['TA0005:T1070'],
  policy: (trail) => trail.LogFileValidationEnabled === true,
  title: (trail) => `CloudTrail trail ${trail.Name} in account ${trail.AccountId} does not validate log files`,
  tests: [
    { name: 'a trail with log file validation complies', expect: true, resource: cloudTrailTrail() },
    { name: 'a trail without log file validation fails', expect: false, resource: cloudTrailTrail({ LogFileValidationEnabled: false }) },
  ],
});
