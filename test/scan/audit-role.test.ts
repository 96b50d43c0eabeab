import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { auditRolePermissions } from '../../src/scan/permissions';

const ROOT = join(__dirname, '..', '..');

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

interface Template {
  Resources: {
    AuditRole: {
      Type: string;
      Properties: { AssumeRolePolicyDocument: { Statement: Statement[] }; Policies: Array<{ PolicyDocument: { Statement: Statement[] } }> };
    };
  };
}

const template = parseYaml(readFileSync(join(ROOT, 'infra', 'audit-role.yml'), 'utf8')) as Template;
const role = template.Resources.AuditRole;
const terraform = readFileSync(join(ROOT, 'infra', 'terraform', 'audit-role', 'main.tf'), 'utf8');

function terraformReadActions(): string[] {
  const block = /read_actions = \[([^\]]*)\]/.exec(terraform)?.[1] ?? '';
  return [...block.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

describe('the audit role', () => {
  it('grants in CloudFormation exactly the actions the collectors call', () => {
    const actions = role.Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement).flatMap((statement) => statement.Action);
    expect([...actions].sort()).toEqual(auditRolePermissions());
  });

  it('grants in Terraform exactly the actions the collectors call', () => {
    expect([...terraformReadActions()].sort()).toEqual(auditRolePermissions());
  });

  it('grants no wildcard actions and no write actions', () => {
    // GenerateCredentialReport writes nothing to the account: IAM lists it as a read action.
    for (const action of [...auditRolePermissions(), ...terraformReadActions()].filter((one) => one !== 'iam:GenerateCredentialReport')) {
      expect(action).toMatch(/^[a-z0-9-]+:(Get|List|Describe)[A-Za-z]+$/);
    }
  });

  it('can be assumed only with the external id', () => {
    const trust = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } } });
    expect(terraform).toMatch(/condition \{\s+test\s+= "StringEquals"\s+variable = "sts:ExternalId"\s+values\s+= \[var\.external_id\]/);
  });
});
