import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isDeployment, requestText, succeeded } from './lib/cloudtrail_fields';

/** What the call removes; service control policies are the guardrails that even account admins cannot lift. */
function removal(event: CloudTrailEvent): string | undefined {
  switch (event.eventName) {
    case 'DetachPolicy':
      return `detached organization policy ${requestText(event, 'policyId') ?? 'unknown'} from ${requestText(event, 'targetId') ?? 'unknown target'}`;
    case 'DeletePolicy':
      return `deleted organization policy ${requestText(event, 'policyId') ?? 'unknown'}`;
    case 'DisablePolicyType':
      return `disabled ${requestText(event, 'policyType') ?? 'a policy type'} for root ${requestText(event, 'rootId') ?? 'unknown'}`;
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'AWS.CloudTrail.OrganizationGuardrailRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An AWS Organizations policy (service control policy or another policy type) was detached, deleted, or its whole policy type disabled, outside the deployment pipeline. SCPs are the guardrails that keep member accounts from disabling CloudTrail, leaving the organization or using unapproved regions.',
  runbook:
    'Re-attach or restore the policy from IaC unless the change was planned, and ask the actor why. Check member accounts for what the guardrail used to prevent (trail changes, region use, organization leave attempts) since the change.',
  reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  tags: ['TA0005:T1562.001', 'TA0004:T1484'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'organizations.amazonaws.com' && succeeded(event) && !isDeployment(event, settings) && removal(event) !== undefined,
  title: (event) => `${actorOf(event)} ${removal(event) ?? 'removed an organization guardrail'} (${accountOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'policyId') ?? requestText(event, 'policyType') ?? 'unknown policy'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'detaching an SCP from an OU matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'DetachPolicy',
        requestParameters: { policyId: 'p-a1b2c3d4', targetId: 'ou-ab12-cd34ef56' },
      }),
    },
    {
      name: 'disabling SCPs for the root matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'DisablePolicyType',
        requestParameters: { rootId: 'r-ab12', policyType: 'SERVICE_CONTROL_POLICY' },
      }),
    },
    {
      name: 'attaching an SCP does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'AttachPolicy',
        requestParameters: { policyId: 'p-a1b2c3d4', targetId: 'ou-ab12-cd34ef56' },
      }),
    },
    {
      name: 'the pipeline replacing a policy does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'DetachPolicy',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-8'),
        requestParameters: { policyId: 'p-a1b2c3d4', targetId: 'ou-ab12-cd34ef56' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'DetachPolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { policyId: 'p-a1b2c3d4', targetId: 'ou-ab12-cd34ef56' },
      }),
    },
  ],
});
