import { isIP } from 'node:net';

/** The indicator fields every normalized event may carry, each sorted, unique, absent when empty. */
export const INDICATOR_FIELDS = [
  'p_any_ip_addresses',
  'p_any_domain_names',
  'p_any_aws_account_ids',
  'p_any_aws_arns',
  'p_any_aws_instance_ids',
  'p_any_aws_tags',
  'p_any_usernames',
  'p_any_emails',
  'p_any_trace_ids',
  'p_any_sha256_hashes',
  'p_any_md5_hashes',
] as const;

export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export type IndicatorFields = Partial<Record<IndicatorField, string[]>>;

const ACCOUNT_ID = /^\d{12}$/;
/** AWS writes hex ids; its documentation examples (i-0d15cd0d3example) and Panther accept letters too. */
const INSTANCE_ID = /^i-[0-9a-z]{8,17}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SHA256 = /^[0-9a-f]{64}$/i;
const MD5 = /^[0-9a-f]{32}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i;
/**
 * A host name as AWS writes them where Panther reads "hostname": dotted or not (Aurora's server
 * host is an instance name such as `prod-db-1`), letters, digits, `-`, `_` and `.` only, so free
 * text such as "AWS Internal" is not taken for one.
 */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/i;

/**
 * Collects indicators while a log type walks its event. Each adder validates its value, so a log
 * type can pass whatever the field holds (undefined, "-", an AWS service name instead of an IP)
 * without checking first. Plain arrays, sorted and de-duplicated once at the end: an event has a
 * handful of indicators, and this runs for every event.
 */
/** Every list present from the start, so all sets share one object shape (this runs per event). */
function emptyLists(): Record<IndicatorField, string[] | undefined> {
  return {
    p_any_ip_addresses: undefined,
    p_any_domain_names: undefined,
    p_any_aws_account_ids: undefined,
    p_any_aws_arns: undefined,
    p_any_aws_instance_ids: undefined,
    p_any_aws_tags: undefined,
    p_any_usernames: undefined,
    p_any_emails: undefined,
    p_any_trace_ids: undefined,
    p_any_sha256_hashes: undefined,
    p_any_md5_hashes: undefined,
  };
}

export class IndicatorSet {
  private readonly found = emptyLists();

  private add(field: IndicatorField, value: string): void {
    const list = this.found[field];
    if (list === undefined) this.found[field] = [value];
    else list.push(value);
  }

  ip(value: unknown): void {
    if (typeof value === 'string' && isIP(value) !== 0) this.add('p_any_ip_addresses', value);
  }
  domain(value: unknown): void {
    if (typeof value === 'string' && DOMAIN.test(value)) this.add('p_any_domain_names', value.toLowerCase());
  }
  /**
   * A field that holds an IP address or a host name (CloudTrail's sourceIPAddress holds
   * `cloudtrail.amazonaws.com` when a service calls): the address as an IP, anything else that
   * looks like a host name as a domain. DNS's trailing root dot is dropped.
   */
  hostname(value: unknown): void {
    if (typeof value !== 'string' || value === '') return;
    if (isIP(value) !== 0) {
      this.add('p_any_ip_addresses', value);
      return;
    }
    const name = value.endsWith('.') ? value.slice(0, -1) : value;
    if (HOSTNAME.test(name) && !/^[\d.]+$/.test(name)) this.add('p_any_domain_names', name.toLowerCase());
  }
  account(value: unknown): void {
    if (typeof value === 'string' && ACCOUNT_ID.test(value)) this.add('p_any_aws_account_ids', value);
  }
  /** An ARN, the account inside it, and the instance id of an EC2 `instance/i-…` ARN. */
  arn(value: unknown): void {
    if (typeof value !== 'string' || !value.startsWith('arn:')) return;
    // arn:partition:service:region:account-id:resource, with partition, service and resource set,
    // as AWS's own ARN parser requires.
    const service = value.indexOf(':', 4);
    const region = service === -1 ? -1 : value.indexOf(':', service + 1);
    const account = region === -1 ? -1 : value.indexOf(':', region + 1);
    const resource = account === -1 ? -1 : value.indexOf(':', account + 1);
    if (service <= 4 || region <= service + 1 || resource === -1 || resource === value.length - 1) return;
    this.add('p_any_aws_arns', value);
    if (resource - account === 13) this.account(value.slice(account + 1, resource));
    if (value.startsWith('instance/', resource + 1)) this.instanceId(value.slice(value.lastIndexOf('/') + 1));
  }
  /**
   * An IAM principal's ARN: the ARN and its account, plus who is behind it: the user name of
   * `user/…` ARNs and the session name of `assumed-role/Role/…` ARNs (usually the person's user
   * name or email).
   */
  principal(value: unknown): void {
    if (typeof value !== 'string' || !value.startsWith('arn:')) return;
    this.arn(value);
    const user = /:user\/(?:.*\/)?([^/]+)$/.exec(value) ?? /:assumed-role\/[^/]+\/([^/]+)$/.exec(value);
    if (user) {
      this.username(user[1]);
      this.email(user[1]);
    }
  }
  instanceId(value: unknown): void {
    if (typeof value === 'string' && INSTANCE_ID.test(value)) this.add('p_any_aws_instance_ids', value);
  }
  tag(key: unknown, value: unknown): void {
    if (typeof key === 'string' && key !== '') this.add('p_any_aws_tags', `${key}:${typeof value === 'string' ? value : ''}`);
  }
  username(value: unknown): void {
    if (typeof value === 'string' && value !== '' && value !== '-') this.add('p_any_usernames', value);
  }
  email(value: unknown): void {
    if (typeof value === 'string' && EMAIL.test(value)) this.add('p_any_emails', value.toLowerCase());
  }
  traceId(value: unknown): void {
    if (typeof value === 'string' && value !== '' && value !== '-') this.add('p_any_trace_ids', value);
  }
  hash(value: unknown): void {
    if (typeof value !== 'string') return;
    if (SHA256.test(value)) this.add('p_any_sha256_hashes', value.toLowerCase());
    else if (MD5.test(value)) this.add('p_any_md5_hashes', value.toLowerCase());
  }

  toFields(): IndicatorFields {
    return this.assignTo({});
  }

  /** Sets the non-empty lists, sorted and unique, on `target` (an event being normalized). */
  assignTo<T extends object>(target: T): T & IndicatorFields {
    const fields = target as T & IndicatorFields;
    for (const field of INDICATOR_FIELDS) {
      const list = this.found[field];
      if (list !== undefined) fields[field] = sortedUnique(list);
    }
    return fields;
  }
}

function sortedUnique(list: string[]): string[] {
  if (list.length === 1) return list;
  list.sort();
  let kept = 1;
  for (let i = 1; i < list.length; i++) if (list[i] !== list[kept - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
}
