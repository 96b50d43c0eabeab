import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue, strings } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/**
 * The request turns the public endpoint on for the whole internet: endpointPublicAccess true and
 * either no CIDR list (EKS then defaults to 0.0.0.0/0) or one that includes it. Only requests that
 * say so count; a CreateCluster that leaves the defaults unsaid is not guessed at.
 */
function opensToWorld(event: CloudTrailEvent): boolean {
  if (event.eventName !== 'UpdateClusterConfig' && event.eventName !== 'CreateCluster') return false;
  if (!isTrue(requestParam(event, 'resourcesVpcConfig', 'endpointPublicAccess'))) return false;
  const cidrs = strings(requestParam(event, 'resourcesVpcConfig', 'publicAccessCidrs'));
  return cidrs.length === 0 || cidrs.some((cidr) => WORLD.has(cidr));
}

function clusterOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? 'unknown cluster';
}

export default defineRule({
  id: 'AWS.CloudTrail.EksEndpointOpenToInternet',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "An EKS cluster's Kubernetes API endpoint was opened to the whole internet (public access with no CIDR restriction). Anyone can then reach the API server; a leaked kubeconfig or token, or an anonymous-access misconfiguration, becomes directly exploitable.",
  runbook:
    "Restrict the public endpoint to your networks (`publicAccessCidrs`) or turn it off in favour of private access, unless the cluster is meant to be reachable. Ask the actor why, and review the cluster's audit log for API calls from unknown addresses since the change.",
  reference: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  tags: ['TA0001:T1133', 'TA0005:T1562.007'],
  rule: (event) => event.eventSource === 'eks.amazonaws.com' && succeeded(event) && opensToWorld(event),
  title: (event) => `${actorOf(event)} opened the API endpoint of EKS cluster ${clusterOf(event)} to the internet in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${clusterOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'opening the endpoint to 0.0.0.0/0 matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'UpdateClusterConfig',
        requestParameters: { name: 'prod', resourcesVpcConfig: { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } },
      }),
    },
    {
      name: 'a public endpoint with no CIDR list matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'UpdateClusterConfig',
        requestParameters: { name: 'prod', resourcesVpcConfig: { endpointPublicAccess: true } },
      }),
    },
    {
      name: 'a public endpoint limited to the office does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'UpdateClusterConfig',
        requestParameters: { name: 'prod', resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['198.51.100.0/24'] } },
      }),
    },
    {
      name: 'a logging change does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'UpdateClusterConfig',
        requestParameters: { name: 'prod', logging: { clusterLogging: [{ types: ['audit'], enabled: true }] } },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'eks.amazonaws.com',
        eventName: 'UpdateClusterConfig',
        errorCode: 'AccessDeniedException',
        requestParameters: { name: 'prod', resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } },
      }),
    },
  ],
});
