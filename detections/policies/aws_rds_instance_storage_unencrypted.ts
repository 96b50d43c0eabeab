import { definePolicy } from '../../src/detect/policy';
import { rdsInstance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.RDS.Instance.StorageUnencrypted',
  resourceTypes: ['AWS.RDS.Instance'],
  severity: 'MEDIUM',
  description: "The database's storage, backups and snapshots are not encrypted.",
  runbook: 'Encryption cannot be turned on in place: snapshot the instance, copy the snapshot with a KMS key, restore from the copy and switch clients over.',
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  tags: ['TA0009:T1530'],
  policy: (db) => db.StorageEncrypted === true,
  title: (db) => `RDS instance ${db.DBInstanceIdentifier ?? db.ResourceId} stores data unencrypted`,
  tests: [
    { name: 'an encrypted instance complies', expect: true, resource: rdsInstance() },
    { name: 'an unencrypted instance fails', expect: false, resource: rdsInstance({ StorageEncrypted: false }) },
  ],
});
