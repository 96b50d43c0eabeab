import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Access policies that make a principal administrator of the whole cluster. */
const ADMIN_POLICY = /:cluster-access-policy\/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminPolicy)$/;

function grantsAdmin(event: CloudTrailEvent): boolean {
  if (event.eventName === 'AssociateAccessPolicy') {
    const clusterWide = requestText(event, 'accessScope', 'type') !== 'namespace';
    return ADMIN_POLICY.test(requestText(event, 'policyArn') ?? '') && clusterWide;
  }
  if (event.eventName === 'CreateAccessEntry' || event.eventName === 'UpdateAccessEntry')
    return strings(requestParam(event, 'kubernetesGroups')).includes('system:masters');
  return false;
}

function isGrant(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  return event.eventSource === 'eks.amazonaws.com' && grantsAdmin(event) && succeeded(event) && !isAwsServiceCall(event) && !isDeployment(event, settings);
}

export default defineRule({
  id: 'AWS.CloudTrail.EksClusterAdminGranted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An IAM principal was made administrator of an EKS cluster (the cluster-admin access policy, or membership of system:masters through an access entry) outside the deployment pipeline: full control of every workload and secret in the cluster.',
  runbook:
    'Check who the principal is and whether the grant is in IaC. If not, remove the access entry or disassociate the policy (`aws eks disassociate-access-policy`), and review the cluster audit log for what the principal did. Quiet pipeline grants by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html',
  tags: ['TA0004:T1098', 'TA0003:T1098'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) => isGrant(event, settings),
  title: (event) =>
    `${actorOf(event)} made ${requestText(event, 'principalArn') ?? 'a principal'} administrator of EKS cluster ${requestText(event, 'clusterName') ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'clusterName') ?? 'unknown'}:${requestText(event, 'principalArn') ?? 'unknown'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'the cluster-admin policy for a role matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'AssociateAccessPolicy',
        requestParameters: {
          clusterName: 'prod',
          principalArn: 'arn:aws:iam::123456789012:role/tmp-debug',
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          accessScope: { type: 'cluster' },
        },
      }),
    },
    {
      name: 'an access entry in system:masters matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'CreateAccessEntry',
        requestParameters: { clusterName: 'prod', principalArn: 'arn:aws:iam::123456789012:user/mallory', kubernetesGroups: ['system:masters'] },
      }),
    },
    {
      name: 'admin of one namespace does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'AssociateAccessPolicy',
        requestParameters: {
          clusterName: 'prod',
          principalArn: 'arn:aws:iam::123456789012:role/team-a',
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
          accessScope: { type: 'namespace', namespaces: ['team-a'] },
        },
      }),
    },
    {
      name: 'the pipeline granting admin does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'AssociateAccessPolicy',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-2'),
        requestParameters: {
          clusterName: 'prod',
          principalArn: 'arn:aws:iam::123456789012:role/platform',
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          accessScope: { type: 'cluster' },
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'CreateAccessEntry',
        errorCode: 'AccessDeniedException',
        requestParameters: { clusterName: 'prod', principalArn: 'arn:aws:iam::123456789012:user/mallory', kubernetesGroups: ['system:masters'] },
      }),
    },
  ],
});
