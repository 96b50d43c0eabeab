import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, strings, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

const PUBLIC_GROUPS = new Map([
  ['http://acs.amazonaws.com/groups/global/AllUsers', 'everyone'],
  ['http://acs.amazonaws.com/groups/global/AuthenticatedUsers', 'any AWS account'],
]);
const PUBLIC_CANNED = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const ACL_CALLS = new Set(['PutBucketAcl', 'PutObjectAcl', 'CreateBucket']);

/** Public grants as "who:permission", from either a canned ACL header or an explicit grant list. */
function publicGrants(event: CloudTrailEvent): string[] {
  const canned = strings(requestParam(event, 'x-amz-acl')).filter((acl) => PUBLIC_CANNED.has(acl));
  const grants = list(requestParam(event, 'AccessControlPolicy', 'AccessControlList', 'Grant')).flatMap((grant) => {
    const who = PUBLIC_GROUPS.get(text(dig(grant, 'Grantee', 'URI')) ?? '');
    return who ? [`${who}:${text(dig(grant, 'Permission')) ?? 'unknown'}`] : [];
  });
  return [...canned, ...grants];
}

function target(event: CloudTrailEvent): string {
  const key = requestText(event, 'key');
  const bucket = requestText(event, 'bucketName') ?? 'unknown';
  return key ? `object ${bucket}/${key}` : `bucket ${bucket}`;
}

function aclRequest(grants: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    bucketName: 'acme-prod-web-data',
    acl: [''],
    Host: 'acme-prod-web-data.s3.amazonaws.com',
    AccessControlPolicy: {
      xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
      Owner: { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
      AccessControlList: { Grant: grants },
    },
  };
}

const ownerGrant = {
  Grantee: { 'xsi:type': 'CanonicalUser', ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
  Permission: 'FULL_CONTROL',
};

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketAclPublic',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A bucket or object ACL grants access to everyone or to any authenticated AWS account, by canned ACL (public-read…) or by an explicit AllUsers / AuthenticatedUsers grant.',
  runbook:
    'ACLs are legacy: unless this bucket is a deliberate public download location, set Object Ownership to "bucket owner enforced" (which disables ACLs) or reset the ACL to private, make sure Block Public Access is on, and review access logs for anonymous reads since the change.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  tags: ['TA0010:T1567', 'TA0005:T1562'],
  rule: (event) => event.eventSource === 's3.amazonaws.com' && ACL_CALLS.has(event.eventName ?? '') && succeeded(event) && publicGrants(event).length > 0,
  title: (event) => `${actorOf(event)} made ${target(event)} public by ACL (${publicGrants(event).join(', ')}) in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'bucketName') ?? 'unknown bucket'}`,
  dynamicSeverity: (event) => (publicGrants(event).some((grant) => /WRITE|FULL_CONTROL|public-read-write/.test(grant)) ? 'CRITICAL' : 'HIGH'),
  alertContext: (event) => ({ ...callContext(event), publicGrants: publicGrants(event) }),
  tests: [
    {
      name: 'an AllUsers READ grant matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketAcl',
        requestParameters: aclRequest([
          ownerGrant,
          { Grantee: { 'xsi:type': 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        ]),
      }),
    },
    {
      name: 'a single AuthenticatedUsers grant (not in a list) matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketAcl',
        requestParameters: {
          ...aclRequest([]),
          AccessControlPolicy: {
            AccessControlList: {
              Grant: { Grantee: { 'xsi:type': 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, Permission: 'WRITE' },
            },
          },
        },
      }),
    },
    {
      name: 'a public-read canned ACL matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketAcl',
        requestParameters: { bucketName: 'acme-prod-web-data', acl: [''], 'x-amz-acl': ['public-read'] },
      }),
    },
    {
      name: 'an owner-only ACL does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketAcl', requestParameters: aclRequest([ownerGrant]) }),
    },
    {
      name: 'a grant to the log delivery group does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketAcl',
        requestParameters: aclRequest([
          ownerGrant,
          { Grantee: { 'xsi:type': 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
        ]),
      }),
    },
    {
      name: 'a private canned ACL does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'CreateBucket',
        requestParameters: { bucketName: 'new', 'x-amz-acl': ['private'] },
      }),
    },
  ],
});
