import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { list } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** How the call hides IAM Access Analyzer findings (public and cross-account access), or undefined. */
function hiding(event: CloudTrailEvent): string | undefined {
  switch (event.eventName) {
    case 'CreateArchiveRule':
      return `created archive rule ${requestText(event, 'ruleName') ?? 'unnamed'}`;
    case 'UpdateArchiveRule':
      return `changed archive rule ${requestText(event, 'ruleName') ?? 'unnamed'}`;
    case 'UpdateFindings':
      return requestText(event, 'status') === 'ARCHIVED' ? `archived ${list(requestParam(event, 'ids')).length || 'filtered'} finding(s)` : undefined;
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'AWS.CloudTrail.AccessAnalyzerFindingsArchived',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "IAM Access Analyzer findings were archived, or an archive rule now archives matching findings automatically. Access Analyzer is what reports resources shared publicly or with outside accounts; an archive rule that matches an attacker's share hides it for good. (Deleting the analyzer is the Sigma rule Sigma.AWS.CloudTrail.IAMAccessAnalyzerDeleted.)",
  runbook:
    "Read the archive rule's filter or the archived findings (alert context). A broad rule (every resource type, every outside account) should be deleted. Ask the actor why; re-open findings that were archived without a reason and check the resources they name.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-archive-rules.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'access-analyzer.amazonaws.com' && succeeded(event) && hiding(event) !== undefined,
  title: (event) =>
    `${actorOf(event)} ${hiding(event) ?? 'archived Access Analyzer findings'} on analyzer ${requestText(event, 'analyzerName') ?? requestText(event, 'analyzerArn') ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  dynamicSeverity: (event) => (event.eventName === 'UpdateFindings' ? 'MEDIUM' : 'HIGH'),
  alertContext: callContext,
  tests: [
    {
      name: 'an archive rule matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'access-analyzer.amazonaws.com',
        eventName: 'CreateArchiveRule',
        requestParameters: { analyzerName: 'org-analyzer', ruleName: 'ignore-s3', filter: { resourceType: { eq: ['AWS::S3::Bucket'] } } },
      }),
    },
    {
      name: 'archiving findings matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'access-analyzer.amazonaws.com',
        eventName: 'UpdateFindings',
        requestParameters: { analyzerArn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org-analyzer', ids: ['f-1', 'f-2'], status: 'ARCHIVED' },
      }),
    },
    {
      name: 're-opening findings does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'access-analyzer.amazonaws.com',
        eventName: 'UpdateFindings',
        requestParameters: { analyzerArn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org-analyzer', ids: ['f-1'], status: 'ACTIVE' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'access-analyzer.amazonaws.com',
        eventName: 'CreateArchiveRule',
        errorCode: 'AccessDeniedException',
        requestParameters: { analyzerName: 'org-analyzer', ruleName: 'ignore-all' },
      }),
    },
  ],
});
