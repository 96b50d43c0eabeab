import { z } from 'zod';
import { optional, resourceBase, text } from './base';

export const ELBV2_LOAD_BALANCER = 'AWS.ELBV2.ApplicationLoadBalancer';

/** DescribeLoadBalancers' LoadBalancer with its listeners, their TLS policies and the WAF web ACL guarding it (Panther's model). */
export const elbv2LoadBalancerSchema = z.looseObject({
  ...resourceBase(ELBV2_LOAD_BALANCER),
  /** application, network or gateway. */
  Type: text,
  /** internet-facing or internal. */
  Scheme: text,
  DNSName: text,
  VpcId: text,
  SecurityGroups: optional(z.array(z.string())),
  Listeners: optional(
    z.array(
      z.looseObject({
        ListenerArn: text,
        Port: optional(z.number()),
        Protocol: text,
        SslPolicy: text,
        Certificates: optional(z.array(z.looseObject({ CertificateArn: text }))),
      }),
    ),
  ),
  /** TLS policy name → its protocols and ciphers, for every policy a listener uses. */
  SSLPolicies: optional(
    z.record(
      z.string(),
      z.looseObject({ SslProtocols: optional(z.array(z.string())), Ciphers: optional(z.array(z.looseObject({ Name: text, Priority: optional(z.number()) }))) }),
    ),
  ),
  /** The id of the WAF Classic (regional) web ACL associated with an application load balancer. */
  WebAcl: text,
});

export type Elbv2LoadBalancer = z.infer<typeof elbv2LoadBalancerSchema>;
