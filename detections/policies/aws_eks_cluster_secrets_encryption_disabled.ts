import { definePolicy } from '../../src/detect/policy';
import { eksCluster } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EKS.Cluster.SecretsEncryptionDisabled',
  resourceTypes: ['AWS.EKS.Cluster'],
  severity: 'MEDIUM',
  description: 'Kubernetes secrets in the cluster are not envelope-encrypted with a KMS key, so anyone who can read etcd backups reads them in clear.',
  runbook:
    'Associate a KMS key for secrets encryption (`aws eks associate-encryption-config --resources secrets`); existing secrets are encrypted on their next write.',
  reference: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
  tags: ['TA0006:T1552.007'],
  policy: (cluster) => (cluster.EncryptionConfig ?? []).some((config) => (config.Resources ?? []).includes('secrets') && Boolean(config.Provider?.KeyArn)),
  title: (cluster) => `EKS cluster ${cluster.Name ?? cluster.ResourceId} does not encrypt secrets with KMS`,
  tests: [
    { name: 'a cluster encrypting secrets complies', expect: true, resource: eksCluster() },
    { name: 'a cluster without encryption config fails', expect: false, resource: eksCluster({ EncryptionConfig: null }) },
  ],
});
