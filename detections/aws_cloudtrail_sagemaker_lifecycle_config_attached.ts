import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function notebookOf(event: CloudTrailEvent): string {
  return requestText(event, 'notebookInstanceName') ?? 'unknown notebook';
}

function update(fields: Record<string, unknown>, more: Parameters<typeof cloudTrailWrite>[0] = {}): ReturnType<typeof cloudTrailWrite> {
  return cloudTrailWrite({
    eventSource: 'sagemaker.amazonaws.com',
    eventName: 'UpdateNotebookInstance',
    requestParameters: { notebookInstanceName: 'data-science-prod', ...fields },
    ...more,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.SagemakerLifecycleConfigAttached',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A lifecycle configuration was attached to an existing SageMaker notebook instance outside the deployment pipeline. Its script runs as root on the notebook at the next start, with the notebook's execution role: stop, update, start is a known way to run code there and take the role's credentials.",
  runbook:
    "Read the configuration's scripts (`aws sagemaker describe-notebook-instance-lifecycle-config`, base64). If nobody on the data team attached it, stop the notebook, detach the configuration, revoke the execution role's sessions, and review what the role did since the notebook last started. Check how the actor got sagemaker:UpdateNotebookInstance.",
  reference: 'https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html',
  tags: ['TA0002:T1059', 'TA0004:T1078.004'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'sagemaker.amazonaws.com' &&
    event.eventName === 'UpdateNotebookInstance' &&
    requestText(event, 'lifecycleConfigName') !== undefined &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) =>
    `${actorOf(event)} attached lifecycle script ${requestText(event, 'lifecycleConfigName') ?? 'unknown'} to notebook ${notebookOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${notebookOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'attaching a lifecycle script to a notebook matches',
      expect: true,
      event: update({ lifecycleConfigName: 'stratus-red-team-malicious-lifecycle' }),
    },
    { name: 'resizing a notebook does not match', expect: false, event: update({ instanceType: 'ml.t3.large' }) },
    {
      name: 'the pipeline attaching one does not match',
      expect: false,
      settings: { deploymentPrincipals: ['arn:aws:iam::*:role/GitHubActionsDeploy'] },
      event: update({ lifecycleConfigName: 'install-packages' }, { userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-77') }),
    },
    { name: 'a denied attempt does not match', expect: false, event: update({ lifecycleConfigName: 'x' }, { errorCode: 'AccessDeniedException' }) },
  ],
});
