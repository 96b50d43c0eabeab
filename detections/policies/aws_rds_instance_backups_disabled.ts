import { definePolicy } from '../../src/detect/policy';
import { rdsInstance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.RDS.Instance.BackupsDisabled',
  resourceTypes: ['AWS.RDS.Instance'],
  severity: 'MEDIUM',
  description: 'Automated backups are off (retention 0 days): the database cannot be restored to a point in time after a mistake or an attack.',
  runbook: 'Set a backup retention period of at least 7 days (modify the instance → Backup).',
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  tags: ['TA0040:T1485'],
  policy: (db) => (db.BackupRetentionPeriod ?? 0) > 0,
  title: (db) => `RDS instance ${db.DBInstanceIdentifier ?? db.ResourceId} has automated backups off`,
  tests: [
    { name: 'an instance keeping 7 days complies', expect: true, resource: rdsInstance() },
    { name: 'an instance keeping none fails', expect: false, resource: rdsInstance({ BackupRetentionPeriod: 0 }) },
  ],
});
