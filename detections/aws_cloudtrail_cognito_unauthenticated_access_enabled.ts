import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const POOL_CALLS = new Set(['CreateIdentityPool', 'UpdateIdentityPool']);

function poolOf(event: CloudTrailEvent): string {
  return requestText(event, 'identityPoolName') ?? requestText(event, 'identityPoolId') ?? 'unknown pool';
}

export default defineRule({
  id: 'AWS.CloudTrail.CognitoUnauthenticatedAccessEnabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A Cognito identity pool now hands AWS credentials to unauthenticated (guest) identities, outside the deployment pipeline. Anyone who knows the pool id (it ships in the app) gets the unauthenticated role's permissions; an over-broad role there is a public door into the account.",
  runbook:
    "Check whether the app needs guest access. If not, turn it off; if it does, make sure the unauthenticated role allows only what guests need. Review calls made with that role's credentials since the change. Quiet pipeline updates by listing its roles in deploymentPrincipals.",
  reference: 'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#enable-or-disable-unauthenticated-identities',
  tags: ['TA0001:T1078.004', 'TA0003:T1098'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'cognito-identity.amazonaws.com' &&
    POOL_CALLS.has(event.eventName ?? '') &&
    isTrue(requestParam(event, 'allowUnauthenticatedIdentities')) &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} let unauthenticated identities into Cognito pool ${poolOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${poolOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'enabling guest access on a pool matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cognito-identity.amazonaws.com',
        eventName: 'UpdateIdentityPool',
        requestParameters: {
          identityPoolId: 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
          identityPoolName: 'orders_app',
          allowUnauthenticatedIdentities: true,
        },
      }),
    },
    {
      name: 'a pool without guest access does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cognito-identity.amazonaws.com',
        eventName: 'CreateIdentityPool',
        requestParameters: { identityPoolName: 'staff_app', allowUnauthenticatedIdentities: false },
      }),
    },
    {
      name: 'the pipeline updating the pool does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'cognito-identity.amazonaws.com',
        eventName: 'UpdateIdentityPool',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-3'),
        requestParameters: { identityPoolName: 'orders_app', allowUnauthenticatedIdentities: true },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cognito-identity.amazonaws.com',
        eventName: 'UpdateIdentityPool',
        errorCode: 'NotAuthorizedException',
        requestParameters: { identityPoolName: 'orders_app', allowUnauthenticatedIdentities: true },
      }),
    },
  ],
});
