import { definePolicy } from '../../src/detect/policy';
import { iamPasswordPolicy } from '../../src/scan/test-resources';
import type { IamPasswordPolicy } from '../../src/scan/resources/iam-password-policy';

const CLASSES = [
  ['RequireUppercaseCharacters', 'upper case'],
  ['RequireLowercaseCharacters', 'lower case'],
  ['RequireNumbers', 'numbers'],
  ['RequireSymbols', 'symbols'],
] as const;

function missingClasses(policy: IamPasswordPolicy): string[] {
  return CLASSES.filter(([field]) => policy[field] !== true).map(([, label]) => label);
}

export default definePolicy({
  id: 'AWS.PasswordPolicy.ComplexityNotRequired',
  resourceTypes: ['AWS.PasswordPolicy'],
  severity: 'LOW',
  description:
    'The account password policy does not require upper- and lower-case letters, numbers and symbols. Length matters most, but CIS still asks for complexity where people choose passwords.',
  runbook: 'Edit the password policy (IAM → Account settings) and require all four character classes.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  tags: ['TA0006:T1110'],
  policy: (policy) => missingClasses(policy).length === 0,
  title: (policy) => `Password policy of account ${policy.AccountId} does not require ${missingClasses(policy).join(', ')}`,
  tests: [
    { name: 'a policy requiring every class complies', expect: true, resource: iamPasswordPolicy() },
    { name: 'a policy without symbols fails', expect: false, resource: iamPasswordPolicy({ RequireSymbols: false }) },
  ],
});
