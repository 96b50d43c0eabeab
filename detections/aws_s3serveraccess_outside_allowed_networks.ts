import { defineRule } from '../src/detect/rule';
import { s3AccessEvent } from '../src/detect/test-events';
import { cidrMatcher, globMatcher } from './lib/matchers';
import { isAwsServiceRequest, isRestRequest, objectOf, requesterOf, served } from './lib/s3_access_fields';

const NETWORKS = {
  networkRestrictedBuckets: ['acme-prod-*', 'acme-audit-logs'],
  allowedNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '198.51.100.0/24'],
};

export default defineRule({
  id: 'AWS.S3ServerAccess.OutsideAllowedNetworks',
  logTypes: ['AWS.S3ServerAccess'],
  severity: 'MEDIUM',
  description:
    "A bucket that should only be reached from the organization's networks (detections.networkRestrictedBuckets) served a request from an address outside detections.allowedNetworks: valid credentials used from somewhere else, typically after they were stolen.",
  runbook:
    "Look up the address (owner, geography) and the requester. If the requester is a person on a new network (travel, new VPN egress), add the network to detections.allowedNetworks in prowl.config.yml. Otherwise revoke the requester's sessions or keys, add an aws:SourceIp / aws:SourceVpce condition to the bucket policy, and review what was read from the address.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
  tags: ['TA0009:T1530', 'TA0001:T1078.004'],
  requiresSettings: ['networkRestrictedBuckets', 'allowedNetworks'],
  rule: (event, { settings }) =>
    isRestRequest(event) &&
    served(event) &&
    !isAwsServiceRequest(event) &&
    globMatcher(settings.networkRestrictedBuckets)(event.bucket ?? undefined) &&
    !cidrMatcher(settings.allowedNetworks)(event.remoteip ?? undefined),
  title: (event) => `${requesterOf(event)} accessed ${objectOf(event)} from ${event.remoteip ?? 'an unknown address'}, outside the allowed networks`,
  dedup: (event) => `${event.bucket ?? 'unknown bucket'}:${event.remoteip ?? 'unknown address'}`,
  alertContext: (event) => ({ requester: event.requester, remoteip: event.remoteip, operation: event.operation, key: event.key, useragent: event.useragent }),
  tests: [
    { name: 'a read from an unknown internet address matches', expect: true, settings: NETWORKS, event: s3AccessEvent({ remoteip: '192.0.2.99' }) },
    { name: 'a read from a VPC address does not match', expect: false, settings: NETWORKS, event: s3AccessEvent({ remoteip: '10.20.30.40' }) },
    { name: 'a read from the office range does not match', expect: false, settings: NETWORKS, event: s3AccessEvent({ remoteip: '198.51.100.23' }) },
    {
      name: 'a bucket without a network restriction does not match',
      expect: false,
      settings: NETWORKS,
      event: s3AccessEvent({ bucket: 'acme-public-assets', remoteip: '192.0.2.99' }),
    },
    {
      name: 'a rejected request does not match',
      expect: false,
      settings: NETWORKS,
      event: s3AccessEvent({ remoteip: '192.0.2.99', httpstatus: 403, errorcode: 'AccessDenied' }),
    },
  ],
});
