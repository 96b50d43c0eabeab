import { defineRule } from '../src/detect/rule';
import { guardDutyFinding } from '../src/detect/test-events';
import type { GuardDutyEvent } from '../src/logs/guardduty';
import { dig, text } from './lib/fields';

/** GuardDuty's bands: 4.0–6.9 is Medium; High and above are AWS.GuardDuty.HighSeverityFinding's. */
const MEDIUM = 4;
const HIGH = 7;

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

export default defineRule({
  id: 'AWS.GuardDuty.MediumSeverityFinding',
  logTypes: ['AWS.GuardDuty'],
  severity: 'MEDIUM',
  description:
    'GuardDuty reported a medium severity finding (4.0–6.9) that is not archived: unusual API use, port scans, access from Tor, and the like. One alert per finding type and resource a day, so a noisy resource does not flood the channel; sample findings are skipped.',
  runbook:
    "Open the finding (id in the alert) and read GuardDuty's remediation for its type. Decide whether the resource's behaviour is expected: if so, archive it with a narrow suppression rule in GuardDuty; if not, investigate as for a high finding (isolate the instance, rotate the credentials).",
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html',
  tags: ['TA0007:T1046', 'TA0001:T1078.004'],
  dedupPeriodMinutes: 1440,
  rule: (event) => event.severity >= MEDIUM && event.severity < HIGH && event.service?.archived !== true && !isSample(event),
  title: (event) => `GuardDuty ${event.type} on ${resourceOf(event)} in ${event.accountId} ${event.region}`,
  dedup: (event) => `${event.accountId}:${event.region}:${event.type}:${resourceOf(event)}`,
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
    {
      name: 'a medium finding matches',
      expect: true,
      event: guardDutyFinding({
        type: 'UnauthorizedAccess:IAMUser/TorIPCaller',
        severity: 5,
        resource: { resourceType: 'AccessKey', accessKeyDetails: { accessKeyId: 'AKIAEXAMPLEUSERKEY', userName: 'ci-deployer', userType: 'IAMUser' } },
      }),
    },
    { name: "a high finding is the high rule's", expect: false, event: guardDutyFinding({ severity: 8 }) },
    { name: 'a low finding does not match', expect: false, event: guardDutyFinding({ type: 'Recon:EC2/PortProbeUnprotectedPort', severity: 2 }) },
    {
      name: 'an archived medium finding does not match',
      expect: false,
      event: guardDutyFinding({ severity: 5, service: { serviceName: 'guardduty', archived: true, count: 1 } }),
    },
    {
      name: 'a sample medium finding does not match',
      expect: false,
      event: guardDutyFinding({
        severity: 5,
        title: '[SAMPLE] Recon:EC2/Portscan',
        service: { serviceName: 'guardduty', archived: false, additionalInfo: { sample: true } },
      }),
    },
  ],
});
