import { definePolicy } from '../../src/detect/policy';
import { s3AccountBlock } from '../../src/scan/test-resources';
import type { S3AccountBlock } from '../../src/scan/resources/account-meta';

const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

function missingFlags(account: S3AccountBlock): string[] {
  return FLAGS.filter((flag) => account.PublicAccessBlockConfiguration?.[flag] !== true);
}

export default definePolicy({
  id: 'AWS.S3.AccountPublicAccessBlock.NotFullyBlocked',
  resourceTypes: ['AWS.S3.AccountPublicAccessBlock'],
  severity: 'HIGH',
  description: 'S3 Block Public Access is not fully on at the account level, so any bucket whose own block is off can be made public by an ACL or policy.',
  runbook:
    'Turn on all four settings for the account (S3 → Block Public Access settings for this account), after exempting buckets that must stay public by moving them to a dedicated account or CloudFront with origin access control.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  tags: ['TA0009:T1530'],
  policy: (account) => missingFlags(account).length === 0,
  title: (account) => `S3 Block Public Access for account ${account.AccountId} is not fully on (${missingFlags(account).join(', ')} off)`,
  tests: [
    { name: 'an account blocking everything complies', expect: true, resource: s3AccountBlock() },
    { name: 'an account without a block fails', expect: false, resource: s3AccountBlock({ PublicAccessBlockConfiguration: null }) },
    {
      name: 'an account allowing public policies fails',
      expect: false,
      resource: s3AccountBlock({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: false },
      }),
    },
  ],
});
