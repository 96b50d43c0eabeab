import { definePolicy } from '../../src/detect/policy';
import { rdsInstance } from '../../src/scan/test-resources';
import type { RdsInstance } from '../../src/scan/resources/rds-instance';

/** Snapshots whose "restore" attribute lists "all". */
function publicSnapshots(db: RdsInstance): string[] {
  return (db.SnapshotAttributes ?? [])
    .filter((snapshot) =>
      (snapshot.DBSnapshotAttributes ?? []).some((attribute) => attribute.AttributeName === 'restore' && (attribute.AttributeValues ?? []).includes('all')),
    )
    .map((snapshot) => snapshot.DBSnapshotIdentifier ?? '?');
}

export default definePolicy({
  id: 'AWS.RDS.Instance.PublicSnapshot',
  resourceTypes: ['AWS.RDS.Instance'],
  severity: 'CRITICAL',
  description: 'A manual snapshot of the database is public: any AWS account can restore it and read the whole database.',
  runbook:
    'Make the snapshot private at once (RDS → Snapshots → the snapshot → Share snapshot → Private), then treat the data as exposed: review who shared it (CloudTrail ModifyDBSnapshotAttribute) and follow your breach process.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1',
  tags: ['TA0010:T1537'],
  policy: (db) => publicSnapshots(db).length === 0,
  title: (db) => `RDS instance ${db.DBInstanceIdentifier ?? db.ResourceId} has public snapshot(s) ${publicSnapshots(db).join(', ')}`,
  tests: [
    { name: 'an instance with private snapshots complies', expect: true, resource: rdsInstance() },
    {
      name: 'a snapshot restorable by all fails',
      expect: false,
      resource: rdsInstance({
        SnapshotAttributes: [{ DBSnapshotIdentifier: 'orders-db-manual', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] }],
      }),
    },
  ],
});
