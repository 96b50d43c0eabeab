import { definePolicy } from '../../src/detect/policy';
import { dynamoDbTable } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.DynamoDB.Table.CustomerManagedKeyNotUsed',
  resourceTypes: ['AWS.DynamoDB.Table'],
  severity: 'INFO',
  description:
    'The table is encrypted with the AWS-owned key, which the account cannot see, audit or revoke. Tables holding sensitive data should use a KMS key the account controls.',
  runbook: "Switch the table's encryption to a customer-managed KMS key (DynamoDB → the table → Additional settings → Encryption).",
  reference: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
  tags: ['TA0009:T1530'],
  policy: (table) => table.SSEDescription?.SSEType === 'KMS' && table.SSEDescription.Status !== 'DISABLED',
  title: (table) => `DynamoDB table ${table.Name ?? table.ResourceId} is encrypted with the AWS-owned key`,
  tests: [
    { name: 'a table with a KMS key complies', expect: true, resource: dynamoDbTable() },
    { name: 'a table with the default key fails', expect: false, resource: dynamoDbTable({ SSEDescription: null }) },
  ],
});
