import type { IndicatorField } from '../logs/indicators';

/**
 * Short names for the p_any_* columns in `any` searches: the cross-source pivot (`any ip=1.2.3.4`
 * finds that address in CloudTrail, VPC flow, ALB … at once). Only `any` has them, because a log
 * type may have a field of the same name (S3 access logs have `key`).
 */
export const INDICATOR_ALIASES: Readonly<Record<string, readonly IndicatorField[]>> = {
  ip: ['p_any_ip_addresses'],
  arn: ['p_any_aws_arns'],
  account: ['p_any_aws_account_ids'],
  user: ['p_any_usernames'],
  key: ['p_any_trace_ids'],
  domain: ['p_any_domain_names'],
  email: ['p_any_emails'],
  hash: ['p_any_sha256_hashes', 'p_any_md5_hashes'],
  instance: ['p_any_aws_instance_ids'],
  tag: ['p_any_aws_tags'],
};

export const INDICATOR_ALIAS_NAMES = Object.keys(INDICATOR_ALIASES);

/** Indicators stored lowercased at ingest (see IndicatorSet); searched values are lowercased to match. */
export const LOWERCASED_INDICATORS: ReadonlySet<string> = new Set<IndicatorField>([
  'p_any_domain_names',
  'p_any_emails',
  'p_any_sha256_hashes',
  'p_any_md5_hashes',
]);

export function indicatorColumns(alias: string): readonly IndicatorField[] | undefined {
  return Object.hasOwn(INDICATOR_ALIASES, alias) ? INDICATOR_ALIASES[alias] : undefined;
}
