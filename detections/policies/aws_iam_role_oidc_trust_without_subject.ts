import { definePolicy } from '../../src/detect/policy';
import { iamRole, trustPolicy } from '../../src/scan/test-resources';
import { policyStatements } from '../lib/documents';

const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

/** OIDC providers an Allow trusts with no condition on their `sub` claim. */
function unscopedOidcProviders(document: string | null): string[] {
  return policyStatements(document)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) =>
      statement.federatedPrincipals
        .filter((provider) => provider.includes(':oidc-provider/'))
        .map((provider) => provider.split(':oidc-provider/')[1] ?? provider)
        .filter((host) => !statement.conditionKeys.includes(`${host.toLowerCase()}:sub`)),
    );
}

export default definePolicy({
  id: 'AWS.IAM.Role.OIDCTrustWithoutSubject',
  resourceTypes: ['AWS.IAM.Role'],
  severity: 'HIGH',
  description:
    "The role trusts an OIDC identity provider (GitHub Actions, EKS, GitLab…) without a condition on the token's subject (`<provider>:sub`). Any workflow or workload that provider issues tokens for, in any repository or namespace, can assume it.",
  runbook:
    'Add a StringEquals or StringLike condition on `<provider>:sub` naming the repository and branch (e.g. `repo:acme/app:ref:refs/heads/main`) or the service account, and on `<provider>:aud`. Review CloudTrail AssumeRoleWithWebIdentity events for this role.',
  reference:
    'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  tags: ['TA0001:T1078.004'],
  policy: (role) => unscopedOidcProviders(role.AssumeRolePolicyDocument).length === 0,
  title: (role) =>
    `IAM role ${role.Name ?? role.ResourceId} trusts ${unscopedOidcProviders(role.AssumeRolePolicyDocument).join(', ')} without a subject condition`,
  tests: [
    {
      name: 'a role for one repository complies',
      expect: true,
      resource: iamRole({
        AssumeRolePolicyDocument: trustPolicy(
          { Federated: GITHUB },
          { Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } } },
        ),
      }),
    },
    {
      name: 'a role for any GitHub workflow fails',
      expect: false,
      resource: iamRole({
        AssumeRolePolicyDocument: trustPolicy(
          { Federated: GITHUB },
          { Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } },
        ),
      }),
    },
    {
      name: 'a SAML federation role is left to other checks',
      expect: true,
      resource: iamRole({
        AssumeRolePolicyDocument: trustPolicy({ Federated: 'arn:aws:iam::123456789012:saml-provider/okta' }, { Action: 'sts:AssumeRoleWithSAML' }),
      }),
    },
  ],
});
