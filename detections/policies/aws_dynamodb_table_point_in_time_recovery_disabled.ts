import { definePolicy } from '../../src/detect/policy';
import { dynamoDbTable } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.DynamoDB.Table.PointInTimeRecoveryDisabled',
  resourceTypes: ['AWS.DynamoDB.Table'],
  severity: 'MEDIUM',
  description:
    'Point-in-time recovery is off for the table: a bad deploy, a mistaken script or ransomware that overwrites items cannot be undone to the second.',
  runbook:
    'Enable it (DynamoDB → the table → Backups → Point-in-time recovery → Edit), or `aws dynamodb update-continuous-backups --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`.',
  reference: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
  tags: ['TA0040:T1485'],
  policy: (table) => table.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED',
  title: (table) => `DynamoDB table ${table.Name ?? table.ResourceId} has point-in-time recovery off`,
  tests: [
    { name: 'a table with PITR complies', expect: true, resource: dynamoDbTable() },
    {
      name: 'a table without PITR fails',
      expect: false,
      resource: dynamoDbTable({
        ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
      }),
    },
  ],
});
