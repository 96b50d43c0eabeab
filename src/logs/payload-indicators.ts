import type { IndicatorSet } from './indicators';

/**
 * Indicators inside free-form AWS JSON (CloudTrail request and response payloads, EventBridge
 * `detail`), found the way Panther v1 finds them so searches port unchanged: by key name
 * (`arn`, `instanceId`, `accountId`, `publicIp`, `domain`, `tags`… and names ending in
 * `AccountId` / `InstanceId`), and by value for any string shaped like an ARN (KMS encryption
 * context such as `aws:lambda:FunctionArn`, `keyId`, `roleArn`…).
 *
 * The payload is whatever the caller sent, so the walk is bounded: it stops descending past
 * MAX_DEPTH and stops altogether after MAX_VALUES values, keeping what it found so far.
 */
const MAX_DEPTH = 24;
const MAX_VALUES = 20_000;

/** A tag already written as `key:value`. */
function tagText(found: IndicatorSet, value: string): void {
  const colon = value.indexOf(':');
  if (colon > 0 && colon < value.length - 1) found.tag(value.slice(0, colon), value.slice(colon + 1));
}

/** What a string under `key` is, by Panther's rules: the key decides first, then an ARN's shape. */
function scanString(found: IndicatorSet, key: string, value: string): void {
  switch (key) {
    case 'arn':
    case 'ARN':
    case 'aws:SourceArn':
      found.arn(value);
      return;
    case 'instanceId':
    case 'instance-id':
      found.instanceId(value);
      return;
    case 'accountId':
    case 'account':
      found.account(value);
      return;
    case 'tags':
      tagText(found, value);
      return;
    case 'ipv6Addresses':
    case 'publicIp':
    case 'privateIpAddress':
    case 'ipAddressV4':
    case 'sourceIPAddress':
      found.ip(value);
      return;
    case 'publicDnsName':
    case 'privateDnsName':
    case 'domain':
      found.domain(value);
      return;
    default:
      if (key.endsWith('AccountId')) found.account(value);
      else if (key.endsWith('InstanceId')) found.instanceId(value);
      else if (value.startsWith('arn:')) found.arn(value);
  }
}

/** `{key, value}` (EC2, IAM) or `{Key, Value}` (most others); both parts must be set, as in Panther. */
function addTag(found: IndicatorSet, tag: Record<string, unknown>): void {
  const key = tag['key'] ?? tag['Key'];
  const value = tag['value'] ?? tag['Value'];
  if (typeof key === 'string' && key !== '' && typeof value === 'string' && value !== '') found.tag(key, value);
}

class Walk {
  private left = MAX_VALUES;

  constructor(private readonly found: IndicatorSet) {}

  visit(value: unknown, key: string, depth: number): void {
    if (--this.left < 0) return;
    if (typeof value === 'string') {
      scanString(this.found, key, value);
      return;
    }
    if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      // A list's items are read under the list's own key (`tags: [{…}]`, `ipv6Addresses: ["…"]`).
      for (let i = 0; i < value.length && this.left > 0; i++) this.visit(value[i], key, depth + 1);
      return;
    }
    const object = value as Record<string, unknown>;
    if (key === 'tags') {
      addTag(this.found, object);
      return;
    }
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length && this.left > 0; i++) this.visit(object[keys[i]!], keys[i]!, depth + 1);
  }
}

/** Adds the indicators found anywhere in each payload (null and non-objects are skipped). */
export function payloadIndicators(found: IndicatorSet, ...payloads: unknown[]): void {
  const walk = new Walk(found);
  for (const payload of payloads) if (typeof payload === 'object' && payload !== null) walk.visit(payload, '', 0);
}
