import { definePolicy } from '../../src/detect/policy';
import type { S3Bucket } from '../../src/scan/resources/s3-bucket';
import { policyDocument, s3Bucket } from '../../src/scan/test-resources';
import { isPublicByDesign, isUnconditionalPublicAllow, statements } from '../lib/bucket_policy';

/** S3's own verdict when it gave one; otherwise (resource JSON from elsewhere) an unconditioned Allow to everyone. */
function policyIsPublic(bucket: S3Bucket): boolean {
  if (bucket.PolicyIsPublic !== null) return bucket.PolicyIsPublic;
  return statements(bucket.Policy).some(isUnconditionalPublicAllow);
}

const publicReadStatement = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' };
const publicRead = policyDocument([publicReadStatement]);

export default definePolicy({
  id: 'AWS.S3.Bucket.PublicPolicy',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'HIGH',
  description:
    "The bucket policy grants access to anyone, and the bucket's public access block does not restrict public policies (RestrictPublicBuckets), so the grant is in effect.",
  runbook:
    'Read the bucket policy (S3 → bucket → Permissions → Bucket policy) and find the statement with Principal "*". If the bucket is a public website, list its ARN in detections.publicBuckets in prowl.config.yml. Otherwise restrict the statement with a condition (aws:PrincipalOrgID, aws:SourceVpce) or remove it, then turn on "Block public access". Check S3 access logs for anonymous reads while it was open.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
  tags: ['TA0009:T1530'],
  requiresSettings: ['publicBuckets'],
  policy: (bucket, { settings }) =>
    isPublicByDesign(bucket.ResourceId, settings.publicBuckets) ||
    bucket.PublicAccessBlockConfiguration?.RestrictPublicBuckets === true ||
    !policyIsPublic(bucket),
  title: (bucket) => `S3 bucket ${bucket.Name} has a public bucket policy`,
  alertContext: (bucket) => ({ bucket: bucket.Name, policy: bucket.Policy }),
  tests: [
    {
      name: 'a website bucket listed in detections.publicBuckets complies',
      expect: true,
      settings: { publicBuckets: ['arn:aws:s3:::public-website-*'] },
      resource: s3Bucket({ Name: 'public-website-shop', Policy: publicRead, PolicyIsPublic: true, PublicAccessBlock: null }),
    },
    { name: 'a bucket whose policy only denies insecure transport complies', expect: true, resource: s3Bucket() },
    {
      name: 'a policy S3 reports as public fails without RestrictPublicBuckets',
      expect: false,
      resource: s3Bucket({ Policy: publicRead, PolicyIsPublic: true, PublicAccessBlockConfiguration: null }),
    },
    {
      name: 'an unconditioned Allow to everyone fails when S3 gave no verdict',
      expect: false,
      resource: s3Bucket({ Policy: publicRead, PolicyIsPublic: null, PublicAccessBlockConfiguration: null }),
    },
    {
      name: 'an Allow to everyone limited to the organization complies when S3 says it is not public',
      expect: true,
      resource: s3Bucket({
        Policy: policyDocument([{ ...publicReadStatement, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }]),
        PolicyIsPublic: false,
        PublicAccessBlockConfiguration: null,
      }),
    },
    {
      name: 'a public policy neutralized by RestrictPublicBuckets complies',
      expect: true,
      resource: s3Bucket({ Policy: publicRead, PolicyIsPublic: true }),
    },
  ],
});
