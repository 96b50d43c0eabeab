import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { guardDutyFinding } from '../src/detect/test-events';
import type { GuardDutyEvent } from '../src/logs/guardduty';
import { dig, text } from './lib/fields';

/** GuardDuty's bands: 7.0–8.9 is High, 9.0–10.0 Critical. */
const HIGH = 7;
const CRITICAL = 9;

/** "Generate sample findings" marks them (flag, and a [SAMPLE] title); they exercise the pipeline and should not page anyone. */
function isSample(event: GuardDutyEvent): boolean {
  return dig(event.service, 'additionalInfo', 'sample') === true || (event.title ?? '').startsWith('[SAMPLE]');
}

function resourceOf(event: GuardDutyEvent): string {
  return (
    text(dig(event.resource, 'instanceDetails', 'instanceId')) ??
    text(dig(event.resource, 'accessKeyDetails', 'userName')) ??
    text(dig(event.resource, 's3BucketDetails', 0, 'name')) ??
    text(dig(event.resource, 'eksClusterDetails', 'name')) ??
    event.resource?.resourceType ??
    'unknown resource'
  );
}

function severityOf(event: GuardDutyEvent): Severity {
  if (isSample(event)) return 'INFO';
  return event.severity >= CRITICAL ? 'CRITICAL' : 'HIGH';
}

export default defineRule({
  id: 'AWS.GuardDuty.HighSeverityFinding',
  logTypes: ['AWS.GuardDuty'],
  severity: 'HIGH',
  description:
    "GuardDuty reported a high or critical severity finding (7.0 and above) that is not archived. GuardDuty's sample findings are passed through at INFO so the pipeline can be tested.",
  runbook:
    "Open the finding in the GuardDuty console (finding id in the alert) and follow the remediation for its type. Compromised instance: isolate it with a restrictive security group and snapshot it. Compromised credentials: deactivate the key or revoke the role's sessions. Then look for the activity GuardDuty saw in CloudTrail and VPC flow logs around the first-seen time.",
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html',
  tags: ['TA0001:T1078.004', 'TA0040:T1496'],
  rule: (event) => event.severity >= HIGH && event.service?.archived !== true,
  title: (event) => `${isSample(event) ? 'Sample finding: ' : ''}GuardDuty ${event.type} on ${resourceOf(event)} in ${event.accountId} ${event.region}`,
  // GuardDuty already folds repeats of the same activity into one finding id (raising its count).
  dedup: (event) => `${event.accountId}:${event.id}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({
    findingId: event.id,
    type: event.type,
    guardDutySeverity: event.severity,
    title: event.title,
    resource: resourceOf(event),
    count: event.service?.count,
    firstSeen: event.service?.eventFirstSeen,
    lastSeen: event.service?.eventLastSeen,
  }),
  tests: [
    { name: 'a high-severity crypto-mining finding matches', expect: true, event: guardDutyFinding() },
    {
      name: 'a critical credential exfiltration finding matches',
      expect: true,
      event: guardDutyFinding({
        type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
        severity: 9.2,
        resource: {
          resourceType: 'AccessKey',
          accessKeyDetails: {
            accessKeyId: 'ASIAEXAMPLESESSION',
            principalId: 'AROAEXAMPLEROLEID:i-0123456789abcdef0',
            userName: 'orders-api-role',
            userType: 'AssumedRole',
          },
        },
      }),
    },
    { name: 'a medium-severity finding does not match', expect: false, event: guardDutyFinding({ type: 'Recon:EC2/PortProbeUnprotectedPort', severity: 5 }) },
    {
      name: 'an archived high-severity finding does not match',
      expect: false,
      event: guardDutyFinding({ service: { serviceName: 'guardduty', archived: true, count: 1 } }),
    },
    {
      name: 'a sample finding still matches (at INFO)',
      expect: true,
      event: guardDutyFinding({ service: { serviceName: 'guardduty', archived: false, additionalInfo: { sample: true } } }),
    },
  ],
});
