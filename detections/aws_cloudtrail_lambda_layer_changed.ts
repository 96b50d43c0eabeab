import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount, strings } from './lib/fields';
import {
  accountOf,
  actorOf,
  baseEventName,
  callContext,
  isDeployment,
  isOrganizationAccount,
  requestParam,
  requestText,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

function layersOf(event: CloudTrailEvent): string[] {
  return strings(requestParam(event, 'layers'));
}

/** A layer published from an account outside the organization is someone else's code inside the function. */
function foreignLayers(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return layersOf(event).filter((layer) => !isOrganizationAccount(principalAccount(layer), event, settings));
}

function changesLayers(event: CloudTrailEvent): boolean {
  const name = baseEventName(event);
  return (
    name === 'PublishLayerVersion' || ((name === 'UpdateFunctionConfiguration' || name === 'CreateFunction') && requestParam(event, 'layers') !== undefined)
  );
}

function subjectOf(event: CloudTrailEvent, settings: DetectionSettings): string {
  if (baseEventName(event) === 'PublishLayerVersion') return `published layer ${requestText(event, 'layerName') ?? 'unknown'}`;
  const foreign = foreignLayers(event, settings);
  const layers = layersOf(event);
  const what =
    layers.length === 0 ? 'removed the layers of' : foreign.length > 0 ? `attached outside layers ${foreign.join(', ')} to` : 'changed the layers of';
  return `${what} Lambda function ${requestText(event, 'functionName') ?? 'unknown'}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaLayerChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A Lambda layer was published, or a function's layers were changed, outside the deployment pipeline. Layer code runs inside the function, so a swapped layer is a backdoor; a layer from an account outside the organization is high severity.",
  runbook:
    "Check the layer ARNs (alert context) against the function's IaC. For unknown layers, download the version (`aws lambda get-layer-version-by-arn`) and review it, then restore the function's configuration from the pipeline. Find out how the actor came to change it outside the pipeline.",
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html',
  tags: ['TA0003:T1525', 'TA0001:T1195.002'],
  requiresSettings: ['organizationAccountIds', 'deploymentPrincipals'],
  rule: (event, { settings }) => event.eventSource === 'lambda.amazonaws.com' && changesLayers(event) && succeeded(event) && !isDeployment(event, settings),
  title: (event, { settings }) => `${actorOf(event)} ${subjectOf(event, settings)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${requestText(event, 'functionName') ?? requestText(event, 'layerName') ?? 'unknown'}`,
  dynamicSeverity: (event, { settings }) => (foreignLayers(event, settings).length > 0 ? 'HIGH' : 'MEDIUM'),
  alertContext: (event, { settings }) => ({ ...callContext(event), layers: layersOf(event), foreignLayers: foreignLayers(event, settings) }),
  tests: [
    {
      name: 'attaching a layer from an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionConfiguration20150331v2',
        requestParameters: {
          functionName: 'orders-api',
          layers: ['arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:7', 'arn:aws:lambda:us-east-1:444455556666:layer:perf-agent:1'],
        },
      }),
    },
    {
      name: 'publishing a layer by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'PublishLayerVersion20181031',
        requestParameters: { layerName: 'shared-utils', compatibleRuntimes: ['nodejs20.x'] },
      }),
    },
    {
      name: 'a configuration change without layers does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionConfiguration20150331v2',
        requestParameters: { functionName: 'orders-api', memorySize: 512 },
      }),
    },
    {
      name: 'a CDK deployment does not match',
      expect: false,
      settings: { deploymentPrincipals: ['arn:aws:iam::*:role/GitHubActionsDeploy', 'arn:aws:iam::*:role/cdk-*'] },
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'PublishLayerVersion20181031',
        userIdentity: assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role-123456789012-us-east-1', 'AWSCloudFormation'),
        requestParameters: { layerName: 'shared-utils' },
      }),
    },
  ],
});
