import { defineRule } from '../src/detect/rule';
import { s3AccessEvent } from '../src/detect/test-events';
import type { S3ServerAccessEvent } from '../src/logs/s3-server-access';
import { isRestRequest, objectOf, requesterOf } from './lib/s3_access_fields';

/**
 * `tlsversion` is `-` (null) for plain HTTP. Lines written before AWS added the field lack it
 * (undefined): those say nothing either way and are not judged.
 */
function withoutTls(event: S3ServerAccessEvent): boolean {
  return event.tlsversion === null;
}

/** A line as S3 wrote them before it appended hostid, TLS and the later fields. */
function oldFormatLine(): S3ServerAccessEvent {
  const { hostid, signatureversion, ciphersuite, authenticationtype, hostheader, tlsversion, accesspointarn, aclrequired, ...firstEighteen } = s3AccessEvent();
  return firstEighteen;
}

export default defineRule({
  id: 'AWS.S3ServerAccess.InsecureTransport',
  logTypes: ['AWS.S3ServerAccess'],
  severity: 'MEDIUM',
  description:
    'A request reached a bucket over plain HTTP. Data and (for presigned URLs) credentials crossed the network unencrypted, and the bucket policy does not enforce aws:SecureTransport.',
  runbook:
    'Find the client (remote address, user agent, requester) and switch it to HTTPS. Add a Deny statement for aws:SecureTransport = false to the bucket policy so plain HTTP is refused. If a presigned URL or signed request went over HTTP, treat the signature as exposed until it expires.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  tags: ['TA0006:T1040', 'TA0009:T1557'],
  rule: (event) => isRestRequest(event) && withoutTls(event),
  title: (event) => `${requesterOf(event)} reached ${objectOf(event)} over plain HTTP from ${event.remoteip ?? 'an unknown address'}`,
  dedup: (event) => `${event.bucket ?? 'unknown bucket'}:${event.remoteip ?? requesterOf(event)}`,
  alertContext: (event) => ({
    requester: event.requester,
    remoteip: event.remoteip,
    operation: event.operation,
    useragent: event.useragent,
    httpstatus: event.httpstatus,
  }),
  tests: [
    {
      name: 'a request without TLS matches',
      expect: true,
      event: s3AccessEvent({ tlsversion: null, ciphersuite: null, remoteip: '10.0.4.17', useragent: 'curl/8.4.0' }),
    },
    { name: 'a request over TLS 1.2 does not match', expect: false, event: s3AccessEvent() },
    {
      name: 'an old-format line without the TLS field does not match',
      expect: false,
      event: oldFormatLine(),
    },
    {
      name: 'S3 background work does not match',
      expect: false,
      event: s3AccessEvent({ operation: 'S3.TRANSITION_SIA.OBJECT', tlsversion: null, ciphersuite: null, requester: null }),
    },
  ],
});
