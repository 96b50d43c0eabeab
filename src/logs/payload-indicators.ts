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

type Scan = (found: IndicatorSet, value: string) => void;

const arn: Scan = (found, value) => found.arn(value);
const instanceId: Scan = (found, value) => found.instanceId(value);
const account: Scan = (found, value) => found.account(value);
const ip: Scan = (found, value) => found.ip(value);
const domain: Scan = (found, value) => found.domain(value);
/** A tag already written as `key:value`. */
const tagText: Scan = (found, value) => {
  const colon = value.indexOf(':');
  if (colon > 0 && colon < value.length - 1) found.tag(value.slice(0, colon), value.slice(colon + 1));
};

const BY_KEY = new Map<string, Scan>([
  ['arn', arn],
  ['ARN', arn],
  ['aws:SourceArn', arn],
  ['instanceId', instanceId],
  ['instance-id', instanceId],
  ['accountId', account],
  ['account', account],
  ['tags', tagText],
  ['ipv6Addresses', ip],
  ['publicIp', ip],
  ['privateIpAddress', ip],
  ['ipAddressV4', ip],
  ['sourceIPAddress', ip],
  ['publicDnsName', domain],
  ['privateDnsName', domain],
  ['domain', domain],
]);

function scanString(found: IndicatorSet, key: string, value: string): void {
  const byKey = BY_KEY.get(key);
  if (byKey) byKey(found, value);
  else if (key.endsWith('AccountId')) found.account(value);
  else if (key.endsWith('InstanceId')) found.instanceId(value);
  else if (value.startsWith('arn:')) found.arn(value);
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
    for (const child in object) {
      if (this.left <= 0) return;
      if (Object.prototype.hasOwnProperty.call(object, child)) this.visit(object[child], child, depth + 1);
    }
  }
}

/** Adds the indicators found anywhere in each payload (null and non-objects are skipped). */
export function payloadIndicators(found: IndicatorSet, ...payloads: unknown[]): void {
  const walk = new Walk(found);
  for (const payload of payloads) if (typeof payload === 'object' && payload !== null) walk.visit(payload, '', 0);
}
