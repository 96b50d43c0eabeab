import { definePolicy } from '../../src/detect/policy';
import { rdsInstance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.RDS.Instance.DeletionProtectionDisabled',
  resourceTypes: ['AWS.RDS.Instance'],
  severity: 'LOW',
  description: 'Deletion protection is off for the database instance, so one DeleteDBInstance call removes it.',
  runbook:
    "Modify the instance and enable deletion protection (aws rds modify-db-instance --deletion-protection --apply-immediately); it takes effect at once, with no restart. For an instance that is disposable by design (a test database), add its ARN to the policy's ignoreResources instead.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection',
  tags: ['TA0040:T1485'],
  policy: (db) => db.DeletionProtection === true,
  title: (db) => `RDS instance ${db.DBInstanceIdentifier ?? db.ResourceId} has deletion protection off`,
  tests: [
    { name: 'a protected instance complies', expect: true, resource: rdsInstance() },
    { name: 'an unprotected instance fails', expect: false, resource: rdsInstance({ DeletionProtection: false }) },
  ],
});
