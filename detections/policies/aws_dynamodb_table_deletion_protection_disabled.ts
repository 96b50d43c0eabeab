import { definePolicy } from '../../src/detect/policy';
import { dynamoDbTable } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.DynamoDB.Table.DeletionProtectionDisabled',
  resourceTypes: ['AWS.DynamoDB.Table'],
  severity: 'LOW',
  description:
    'Deletion protection is off for the table, so one DeleteTable call (a script pointed at the wrong stage, stolen credentials) removes it and its data.',
  runbook: 'Turn it on: `aws dynamodb update-table --table-name <name> --deletion-protection-enabled`.',
  reference: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  tags: ['TA0040:T1485'],
  policy: (table) => table.DeletionProtectionEnabled === true,
  title: (table) => `DynamoDB table ${table.Name ?? table.ResourceId} has deletion protection off`,
  tests: [
    { name: 'a protected table complies', expect: true, resource: dynamoDbTable() },
    { name: 'an unprotected table fails', expect: false, resource: dynamoDbTable({ DeletionProtectionEnabled: false }) },
  ],
});
