import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createAwsClients } from '../../src/app/aws-clients';
import { loadDefinitions } from '../../src/local/definitions';
import { startEmulators, type Emulators } from '../../src/local/emulators';
import { provision } from '../../src/local/provision';
import { ROOT } from '../helpers/local-stack';

describe('provisioning the local tables again on kept data', () => {
  let emulators: Emulators;
  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterAll(() => emulators.stop());

  const definitions = loadDefinitions(ROOT, 'provision-test');
  const clients = () =>
    createAwsClients({
      region: 'us-east-1',
      endpoints: { s3: emulators.endpoints.aws, sqs: emulators.endpoints.aws, dynamodb: emulators.endpoints.dynamodb },
    });

  it('accepts tables it made itself, and refuses one made before an index was declared, naming the cure', async () => {
    await provision(definitions, clients());
    await expect(provision(definitions, clients())).resolves.toBeDefined();

    const older = loadDefinitions(ROOT, 'provision-older');
    const alerts = String(older.resources['AlertsTable']?.Properties?.['TableName']);
    expect(alerts).toBe('prowl-provision-older-alerts');
    await clients().dynamodb.send(
      new CreateTableCommand({
        TableName: alerts,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await expect(provision(older, clients())).rejects.toThrow(/lacks the index byStatus, byRule, byDue, byStatusChange; start with a fresh data directory/);
  });
});
