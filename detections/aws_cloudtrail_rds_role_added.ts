import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const ADD_ROLE = new Set(['AddRoleToDBInstance', 'AddRoleToDBCluster']);

function databaseOf(event: CloudTrailEvent): string {
  return requestText(event, 'dBInstanceIdentifier') ?? requestText(event, 'dBClusterIdentifier') ?? 'unknown database';
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsRoleAdded',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An IAM role was attached to an RDS instance or Aurora cluster outside the deployment pipeline. The role lets the database engine itself call AWS (SELECT INTO OUTFILE S3, s3Export, Lambda invokes): a way to move data out straight from SQL, bypassing the application.',
  runbook:
    "Check the role's permissions and the feature it was added for (alert context). Unless planned, remove it (`aws rds remove-role-from-db-cluster`) and review the database's queries since for exports.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.Authorizing.html',
  tags: ['TA0010:T1537', 'TA0004:T1098'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'rds.amazonaws.com' && ADD_ROLE.has(event.eventName ?? '') && succeeded(event) && !isDeployment(event, settings),
  title: (event) =>
    `${actorOf(event)} attached role ${requestText(event, 'roleArn') ?? 'unknown'} (${requestText(event, 'featureName') ?? 'no feature'}) to ${databaseOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${databaseOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'attaching an S3 export role matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'AddRoleToDBCluster',
        requestParameters: { dBClusterIdentifier: 'orders-aurora', roleArn: 'arn:aws:iam::123456789012:role/aurora-s3', featureName: 's3Export' },
      }),
    },
    {
      name: 'the pipeline attaching a role does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'AddRoleToDBCluster',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-5'),
        requestParameters: { dBClusterIdentifier: 'orders-aurora', roleArn: 'arn:aws:iam::123456789012:role/aurora-s3' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'AddRoleToDBInstance',
        errorCode: 'AccessDenied',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', roleArn: 'arn:aws:iam::123456789012:role/x' },
      }),
    },
  ],
});
