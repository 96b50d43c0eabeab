import { definePolicy } from '../../src/detect/policy';
import type { S3Bucket, S3Grant } from '../../src/scan/resources/s3-bucket';
import { publicGrant, s3Bucket } from '../../src/scan/test-resources';
import { isPublicByDesign } from '../lib/bucket_policy';

const PUBLIC_GROUPS = new Set(['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']);
/** Grants that let the public change the bucket's contents or its ACL, not only read. */
const WRITE_PERMISSIONS = new Set(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

function publicGrants(bucket: S3Bucket): S3Grant[] {
  return (bucket.Grants ?? []).filter((grant) => PUBLIC_GROUPS.has(grant.Grantee?.URI ?? ''));
}

export default definePolicy({
  id: 'AWS.S3.Bucket.PublicACLGrant',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'HIGH',
  description:
    'The bucket ACL grants access to everyone (AllUsers) or to every AWS account (AuthenticatedUsers), and no public access block tells S3 to ignore public ACLs. Severity is critical when the grant allows writing or changing the ACL.',
  runbook:
    'Check whether the bucket is meant to be public (a static website usually is; then list its ARN in detections.publicBuckets in prowl.config.yml). Otherwise remove the grant (S3 → bucket → Permissions → Access control list), turn on "Block public access", and consider setting Object Ownership to "Bucket owner enforced" so ACLs stop applying at all. Review the S3 access logs for reads by unknown principals while it was public.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  tags: ['TA0009:T1530'],
  requiresSettings: ['publicBuckets'],
  policy: (bucket, { settings }) =>
    isPublicByDesign(bucket.ResourceId, settings.publicBuckets) ||
    bucket.PublicAccessBlockConfiguration?.IgnorePublicAcls === true ||
    publicGrants(bucket).length === 0,
  title: (bucket) => `S3 bucket ${bucket.Name} grants ${[...new Set(publicGrants(bucket).map((grant) => grant.Permission))].join(', ')} to the public by ACL`,
  dynamicSeverity: (bucket) => (publicGrants(bucket).some((grant) => WRITE_PERMISSIONS.has(grant.Permission ?? '')) ? 'CRITICAL' : 'HIGH'),
  alertContext: (bucket) => ({
    bucket: bucket.Name,
    publicGrants: publicGrants(bucket).map((grant) => ({ grantee: grant.Grantee?.URI ?? null, permission: grant.Permission })),
  }),
  tests: [
    {
      name: 'a website bucket listed in detections.publicBuckets complies',
      expect: true,
      settings: { publicBuckets: ['arn:aws:s3:::public-website-*'] },
      resource: s3Bucket({ Name: 'public-website-shop', Grants: [publicGrant('READ', 'AllUsers')], PublicAccessBlock: null }),
    },
    { name: 'a bucket whose ACL grants only its owner complies', expect: true, resource: s3Bucket() },
    {
      name: 'a public READ grant fails when public ACLs are not ignored',
      expect: false,
      resource: s3Bucket({ Grants: [publicGrant('READ', 'AllUsers')], PublicAccessBlockConfiguration: null }),
    },
    {
      name: 'a WRITE grant to every AWS account fails',
      expect: false,
      resource: s3Bucket({
        Grants: [publicGrant('WRITE', 'AuthenticatedUsers')],
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    },
    {
      name: 'a public grant that S3 is told to ignore complies',
      expect: true,
      resource: s3Bucket({ Grants: [publicGrant('READ', 'AllUsers')] }),
    },
  ],
});
