import { definePolicy } from '../../src/detect/policy';
import { eksCluster } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EKS.Cluster.PublicEndpoint',
  resourceTypes: ['AWS.EKS.Cluster'],
  severity: 'MEDIUM',
  description:
    "The cluster's Kubernetes API endpoint is reachable from the whole internet (public access with 0.0.0.0/0). Leaked kubeconfigs and API vulnerabilities are then exploitable from anywhere.",
  runbook:
    'Turn public access off and use the private endpoint, or restrict public access to the CIDRs of your offices and CI (EKS → the cluster → Networking → Manage endpoint access).',
  reference: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  tags: ['TA0001:T1133'],
  policy: (cluster) =>
    cluster.ResourcesVpcConfig?.EndpointPublicAccess !== true || !(cluster.ResourcesVpcConfig.PublicAccessCidrs ?? ['0.0.0.0/0']).includes('0.0.0.0/0'),
  title: (cluster) => `EKS cluster ${cluster.Name ?? cluster.ResourceId} exposes its API endpoint to the internet`,
  tests: [
    { name: 'a private cluster complies', expect: true, resource: eksCluster() },
    {
      name: 'a public endpoint limited to an office complies',
      expect: true,
      resource: eksCluster({ ResourcesVpcConfig: { EndpointPublicAccess: true, EndpointPrivateAccess: true, PublicAccessCidrs: ['198.51.100.0/24'] } }),
    },
    {
      name: 'a public endpoint open to all fails',
      expect: false,
      resource: eksCluster({ ResourcesVpcConfig: { EndpointPublicAccess: true, EndpointPrivateAccess: false, PublicAccessCidrs: ['0.0.0.0/0'] } }),
    },
  ],
});
