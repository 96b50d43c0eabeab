import { definePolicy } from '../../src/detect/policy';
import { s3Bucket, s3Grant } from '../../src/scan/test-resources';
import type { S3Bucket } from '../../src/scan/resources/s3-bucket';

/** Permissions granted to canonical users other than the bucket owner, or to e-mail addresses. */
function foreignGrants(bucket: S3Bucket): string[] {
  const owner = bucket.Owner?.ID ?? null;
  return (bucket.Grants ?? [])
    .filter((grant) => (grant.Grantee?.Type === 'CanonicalUser' && grant.Grantee.ID !== owner) || grant.Grantee?.Type === 'AmazonCustomerByEmail')
    .map((grant) => grant.Permission ?? '?');
}

export default definePolicy({
  id: 'AWS.S3.Bucket.CrossAccountACLGrant',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'MEDIUM',
  description:
    'The bucket ACL grants access to another AWS account (by canonical id or e-mail). ACL grants are easy to forget and invisible in IAM and bucket-policy reviews.',
  runbook:
    'If the other account needs access, grant it in the bucket policy (reviewable, conditionable) and set Object Ownership to "Bucket owner enforced" to turn ACLs off. Otherwise remove the grant.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  tags: ['TA0009:T1530'],
  policy: (bucket) => foreignGrants(bucket).length === 0,
  title: (bucket) => `S3 bucket ${bucket.Name ?? bucket.ResourceId} grants ${foreignGrants(bucket).join(', ')} to another account by ACL`,
  tests: [
    { name: 'an ACL granting only the owner complies', expect: true, resource: s3Bucket() },
    {
      name: 'a grant to another canonical user fails',
      expect: false,
      resource: s3Bucket({
        Grants: [
          s3Grant({ ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, 'FULL_CONTROL'),
          s3Grant({ ID: 'be2fe74dc8e7d8123451e96ae9e1abcd00000000000000000000000000000000' }, 'READ'),
        ],
      }),
    },
    {
      name: 'a grant to the log delivery group is not another account',
      expect: true,
      resource: s3Bucket({
        Grants: [
          s3Grant({ ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, 'FULL_CONTROL'),
          s3Grant({ Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, 'WRITE'),
        ],
      }),
    },
  ],
});
