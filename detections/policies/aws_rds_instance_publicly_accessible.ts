import { definePolicy } from '../../src/detect/policy';
import { rdsInstance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.RDS.Instance.PubliclyAccessible',
  resourceTypes: ['AWS.RDS.Instance'],
  severity: 'HIGH',
  description:
    "The database instance is publicly accessible: it has a public address, and only its security group stands between it and the internet's password sprayers.",
  runbook:
    'Modify the instance to turn off public accessibility and reach it through the VPC (a bastion, SSM port forwarding or a VPN). Check its logs for connections from unknown addresses.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
  tags: ['TA0001:T1190'],
  policy: (db) => db.PubliclyAccessible !== true,
  title: (db) => `RDS instance ${db.DBInstanceIdentifier ?? db.ResourceId} is publicly accessible`,
  tests: [
    { name: 'a private instance complies', expect: true, resource: rdsInstance() },
    { name: 'a public instance fails', expect: false, resource: rdsInstance({ PubliclyAccessible: true }) },
  ],
});
