import { z } from 'zod';
import type { IndicatorSet } from './indicators';
import type { LogType } from './log-type';
import { isoTimeSchema } from './time';

/**
 * GuardDuty findings, with GuardDuty's own field names (camelCase), as EventBridge delivers them
 * (`detail-type: "GuardDuty Finding"`, the finding in `detail`) and as GuardDuty exports them
 * to S3 (JSON lines, one finding each). `resource` and `service` differ per finding type and
 * pass through whole.
 */
export const guardDutyEventSchema = z
  .object({
    schemaVersion: z.string(),
    accountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    region: z.string().min(1),
    partition: z.string().nullish(),
    id: z.string().min(1),
    arn: z.string().startsWith('arn:'),
    type: z.string().min(1),
    resource: z.object({ resourceType: z.string().nullish() }).loose(),
    service: z
      .object({
        serviceName: z.string().nullish(),
        detectorId: z.string().nullish(),
        action: z.record(z.string(), z.unknown()).nullish(),
        archived: z.boolean().nullish(),
        count: z.number().nullish(),
        eventFirstSeen: z.string().nullish(),
        eventLastSeen: z.string().nullish(),
      })
      .loose()
      .nullish(),
    severity: z.number().min(0).max(10),
    createdAt: isoTimeSchema(),
    updatedAt: isoTimeSchema(),
    title: z.string().nullish(),
    description: z.string().nullish(),
  })
  .loose();

export type GuardDutyEvent = z.infer<typeof guardDutyEventSchema>;

/** Only GuardDuty's own EventBridge events are unwrapped; anything else is judged as it is. */
function unwrapGuardDutyEnvelope(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const envelope = value as { 'detail-type'?: unknown; detail?: unknown };
  return envelope['detail-type'] === 'GuardDuty Finding' && typeof envelope.detail === 'object' ? envelope.detail : value;
}

/**
 * Findings nest indicators at many depths that differ per finding type (EC2, S3, EKS, RDS,
 * Lambda, malware scans), so they are found by key name anywhere under `resource` and `service`
 * rather than by listing every path.
 */
const BY_KEY: Record<string, (found: IndicatorSet, value: unknown) => void> = {
  publicIp: (found, value) => found.ip(value),
  instanceId: (found, value) => found.instanceId(value),
  accessKeyId: (found, value) => found.traceId(value),
  userName: (found, value) => found.username(value),
  accountId: (found, value) => found.account(value),
  domain: (found, value) => found.domain(value),
  privateDnsName: (found, value) => found.domain(value),
  publicDnsName: (found, value) => found.domain(value),
  hash: (found, value) => found.hash(value),
  sha256: (found, value) => found.hash(value),
};

/** ipAddressV4, privateIpAddress, volumeArn, clusterArn…: the names GuardDuty gives these across finding types. */
function bySuffix(key: string): ((found: IndicatorSet, value: unknown) => void) | undefined {
  if (key.startsWith('ipAddress') || key.endsWith('IpAddress')) return (found, value) => found.ip(value);
  if (key === 'arn' || key.endsWith('Arn')) return (found, value) => found.arn(value);
  return undefined;
}

function walk(value: unknown, found: IndicatorSet, depth: number): void {
  if (depth > 12 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, found, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'tags' && Array.isArray(item)) {
      for (const tag of item) if (tag && typeof tag === 'object') found.tag((tag as { key?: unknown }).key, (tag as { value?: unknown }).value);
      continue;
    }
    const add = BY_KEY[key] ?? bySuffix(key);
    if (add && typeof item === 'string') add(found, item);
    else walk(item, found, depth + 1);
  }
}

export const guardDuty: LogType<GuardDutyEvent> = {
  name: 'AWS.GuardDuty',
  schema: guardDutyEventSchema,
  framing: { kind: 'json', unwrap: unwrapGuardDutyEnvelope },
  detect: true,
  eventTime: (event) => event.updatedAt,
  indicators(event, found) {
    found.account(event.accountId);
    found.arn(event.arn);
    walk(event.resource, found, 0);
    walk(event.service, found, 0);
  },
};
