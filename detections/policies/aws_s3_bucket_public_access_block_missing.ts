import { definePolicy } from '../../src/detect/policy';
import type { S3Bucket } from '../../src/scan/resources/s3-bucket';
import { s3Bucket } from '../../src/scan/test-resources';
import { isPublicByDesign } from '../lib/bucket_policy';

const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

function missingFlags(bucket: S3Bucket): string[] {
  const block = bucket.PublicAccessBlockConfiguration;
  return FLAGS.filter((flag) => block?.[flag] !== true);
}

export default definePolicy({
  id: 'AWS.S3.Bucket.PublicAccessBlockMissing',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'MEDIUM',
  description:
    'The bucket does not have all four "Block public access" settings on. Without them, one ACL or policy edit is enough to make the bucket public. (An account-level block may still cover the bucket; this policy looks at the bucket\'s own settings.)',
  runbook:
    'Turn on all four settings (S3 → bucket → Permissions → Block public access). If the bucket must stay public, list its ARN in detections.publicBuckets in prowl.config.yml so the exception is written down.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  tags: ['TA0009:T1530'],
  requiresSettings: ['publicBuckets'],
  policy: (bucket, { settings }) => isPublicByDesign(bucket.ResourceId, settings.publicBuckets) || missingFlags(bucket).length === 0,
  title: (bucket) =>
    bucket.PublicAccessBlockConfiguration === null
      ? `S3 bucket ${bucket.Name} has no public access block`
      : `S3 bucket ${bucket.Name} does not block public access fully (${missingFlags(bucket).join(', ')} off)`,
  alertContext: (bucket) => ({ bucket: bucket.Name, publicAccessBlock: bucket.PublicAccessBlockConfiguration }),
  tests: [
    {
      name: 'a website bucket listed in detections.publicBuckets complies',
      expect: true,
      settings: { publicBuckets: ['arn:aws:s3:::public-website-*'] },
      resource: s3Bucket({ Name: 'public-website-shop', PublicAccessBlock: null }),
    },
    { name: 'a bucket blocking all public access complies', expect: true, resource: s3Bucket() },
    { name: 'a bucket without a public access block fails', expect: false, resource: s3Bucket({ PublicAccessBlockConfiguration: null }) },
    {
      name: 'a bucket with one setting off fails',
      expect: false,
      resource: s3Bucket({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true },
      }),
    },
  ],
});
