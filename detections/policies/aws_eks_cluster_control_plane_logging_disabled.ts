import { definePolicy } from '../../src/detect/policy';
import { eksCluster } from '../../src/scan/test-resources';
import type { EksCluster } from '../../src/scan/resources/eks-cluster';

const REQUIRED = ['api', 'audit', 'authenticator'];

function missingLogTypes(cluster: EksCluster): string[] {
  const enabled = new Set((cluster.Logging?.ClusterLogging ?? []).filter((setup) => setup.Enabled === true).flatMap((setup) => setup.Types ?? []));
  return REQUIRED.filter((type) => !enabled.has(type));
}

export default definePolicy({
  id: 'AWS.EKS.Cluster.ControlPlaneLoggingDisabled',
  resourceTypes: ['AWS.EKS.Cluster'],
  severity: 'MEDIUM',
  description:
    'The cluster does not send its API server audit and authenticator logs to CloudWatch, so who did what in Kubernetes (exec into pods, read secrets, change RBAC) is not recorded.',
  runbook: 'Enable at least the api, audit and authenticator log types (EKS → the cluster → Observability → Manage logging).',
  reference: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  tags: ['TA0005:T1562.008'],
  policy: (cluster) => missingLogTypes(cluster).length === 0,
  title: (cluster) => `EKS cluster ${cluster.Name ?? cluster.ResourceId} does not log ${missingLogTypes(cluster).join(', ')}`,
  tests: [
    { name: 'a cluster logging every type complies', expect: true, resource: eksCluster() },
    {
      name: 'a cluster without audit logs fails',
      expect: false,
      resource: eksCluster({
        Logging: {
          ClusterLogging: [
            { Types: ['api', 'authenticator'], Enabled: true },
            { Types: ['audit'], Enabled: false },
          ],
        },
      }),
    },
  ],
});
