import { definePolicy } from '../../src/detect/policy';
import { accessAnalyzerMeta } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.AccessAnalyzer.Meta.NoActiveAnalyzer',
  resourceTypes: ['AWS.AccessAnalyzer.Meta'],
  severity: 'MEDIUM',
  description:
    'No IAM Access Analyzer is active in this region, so resources shared outside the account or organization (buckets, keys, roles, snapshots) are not flagged as they appear.',
  runbook: 'Create an analyzer with the organization (or account) as zone of trust in every region (IAM → Access analyzer → Create analyzer).',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
  tags: ['TA0010:T1537'],
  policy: (meta) => (meta.Analyzers ?? []).some((analyzer) => analyzer.status === 'ACTIVE'),
  title: (meta) => `No active IAM Access Analyzer in ${meta.Region} for account ${meta.AccountId}`,
  tests: [
    { name: 'a region with an active analyzer complies', expect: true, resource: accessAnalyzerMeta() },
    { name: 'a region without analyzers fails', expect: false, resource: accessAnalyzerMeta({ Analyzers: [] }) },
  ],
});
