import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const CLUSTER_CALLS = new Set(['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot']);

function clusterOf(event: CloudTrailEvent): string {
  return requestText(event, 'clusterIdentifier') ?? 'unknown cluster';
}

export default defineRule({
  id: 'AWS.CloudTrail.RedshiftClusterPublic',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A Redshift cluster was created, modified or restored with a publicly accessible endpoint. A data warehouse holds the organization's most aggregated data; reachable from the internet it is one weak password away from a breach, and a public restore of a snapshot is a way to take a copy out.",
  runbook:
    "Turn public access off (`aws redshift modify-cluster --no-publicly-accessible`) unless it is meant to be public, and check the cluster's security groups. For a restore, ask who needs the copy and delete it if nobody does. Review connection logs since the change.",
  reference: 'https://docs.aws.amazon.com/redshift/latest/mgmt/rs-clusters-vpc.html',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  rule: (event) =>
    event.eventSource === 'redshift.amazonaws.com' &&
    CLUSTER_CALLS.has(event.eventName ?? '') &&
    isTrue(requestParam(event, 'publiclyAccessible')) &&
    succeeded(event),
  title: (event) => `${actorOf(event)} made Redshift cluster ${clusterOf(event)} publicly accessible (${event.eventName}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${clusterOf(event)}`,
  dynamicSeverity: (event) => (event.eventName === 'RestoreFromClusterSnapshot' ? 'CRITICAL' : 'HIGH'),
  alertContext: callContext,
  tests: [
    {
      name: 'making a cluster public matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'redshift.amazonaws.com',
        eventName: 'ModifyCluster',
        requestParameters: { clusterIdentifier: 'analytics', publiclyAccessible: true },
      }),
    },
    {
      name: 'a public restore matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'redshift.amazonaws.com',
        eventName: 'RestoreFromClusterSnapshot',
        requestParameters: { clusterIdentifier: 'analytics-copy', snapshotIdentifier: 'analytics-2026-11-21', publiclyAccessible: true },
      }),
    },
    {
      name: 'a resize does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'redshift.amazonaws.com',
        eventName: 'ModifyCluster',
        requestParameters: { clusterIdentifier: 'analytics', numberOfNodes: 4 },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'redshift.amazonaws.com',
        eventName: 'ModifyCluster',
        errorCode: 'UnauthorizedOperation',
        requestParameters: { clusterIdentifier: 'analytics', publiclyAccessible: true },
      }),
    },
  ],
});
