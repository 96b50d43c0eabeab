import { definePolicy } from '../../src/detect/policy';
import type { ScanPolicySettings } from '../../src/config/scan-policy-settings';
import type { IamPasswordPolicy } from '../../src/scan/resources/iam-password-policy';
import { iamPasswordPolicy } from '../../src/scan/test-resources';

function weaknesses(policy: IamPasswordPolicy, standards: ScanPolicySettings): string[] {
  const { minimumLength, reusePrevention } = standards.passwordPolicy;
  if (policy.AnyExist === false) return ['no password policy is set'];
  const found: string[] = [];
  if ((policy.MinimumPasswordLength ?? 0) < minimumLength) found.push(`minimum length ${policy.MinimumPasswordLength ?? 'unset'} (want ${minimumLength})`);
  if ((policy.PasswordReusePrevention ?? 0) < reusePrevention)
    found.push(`reuse prevention ${policy.PasswordReusePrevention ?? 'off'} (want ${reusePrevention})`);
  return found;
}

export default definePolicy({
  id: 'AWS.PasswordPolicy.Weak',
  resourceTypes: ['AWS.PasswordPolicy'],
  severity: 'MEDIUM',
  description: `The account password policy is missing, or allows passwords shorter than the minimum length (scanPolicies.passwordPolicy in prowl.config.yml) or reuse of recent passwords, making IAM user passwords easier to guess or spray.`,
  runbook: `Set the account password policy (IAM → Account settings → Password policy): the configured minimum length or more, and prevent reuse of recent passwords (as many as scanPolicies.passwordPolicy.reusePrevention says). Existing passwords are not affected until they next change.`,
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  tags: ['TA0006:T1110'],
  policy: (policy, { standards }) => weaknesses(policy, standards).length === 0,
  title: (policy, { standards }) => `Weak IAM password policy in account ${policy.AccountId}: ${weaknesses(policy, standards).join(', ')}`,
  tests: [
    { name: 'a 14-character policy that prevents reuse of 24 passwords complies', expect: true, resource: iamPasswordPolicy() },
    { name: 'an 8-character minimum fails', expect: false, resource: iamPasswordPolicy({ MinimumPasswordLength: 8 }) },
    { name: 'a policy without reuse prevention fails', expect: false, resource: iamPasswordPolicy({ PasswordReusePrevention: null }) },
    {
      name: 'an account without a password policy fails',
      expect: false,
      resource: iamPasswordPolicy({
        AnyExist: false,
        MinimumPasswordLength: null,
        PasswordReusePrevention: null,
        RequireSymbols: null,
        RequireNumbers: null,
        RequireUppercaseCharacters: null,
        RequireLowercaseCharacters: null,
      }),
    },
  ],
});
