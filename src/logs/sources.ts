import type { SourceConfig } from '../config';
import { builtInLogTypes, type LogTypeRegistry } from './registry';
import type { LogType } from './log-type';

export interface ResolvedSource {
  id: string;
  label: string;
  /** Types to try, in order. */
  logTypes: LogType[];
}

// CloudTrail writes under AWSLogs/[o-org/]<account>/CloudTrail/ (and -Digest/, -Insight/ beside it).
const CLOUDTRAIL_KEY = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail\//;
const CLOUDTRAIL_DIGEST_KEY = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail-Digest\//;
const CLOUDTRAIL_INSIGHT_KEY = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail-Insight\//;
/** Files a trail writes beside its logs, each recognized by its folder even on a source listing only AWS.CloudTrail. */
const TRAIL_COMPANIONS = ['AWS.CloudTrailDigest', 'AWS.CloudTrailInsight'];

/**
 * The log types an object's key announces, if any: CloudTrail's layout is fixed, so its log files
 * and digests are recognized without trying every parser.
 */
export function logTypeNamesForKey(key: string): string[] | undefined {
  if (CLOUDTRAIL_DIGEST_KEY.test(key)) return ['AWS.CloudTrailDigest'];
  if (CLOUDTRAIL_INSIGHT_KEY.test(key)) return ['AWS.CloudTrailInsight'];
  if (CLOUDTRAIL_KEY.test(key)) return ['AWS.CloudTrail'];
  return undefined;
}

/**
 * The log types to try for one object. A source that lists types gets those; one that lists
 * none lets the key pattern decide, or else every type. A CloudTrail source also receives the
 * trail's digest and Insights files, which are recognized by their key rather than quarantined.
 */
export function logTypesForObject(listed: readonly string[], key: string, registry: LogTypeRegistry = builtInLogTypes): LogType[] {
  const byKey = logTypeNamesForKey(key);
  if (listed.length === 0) return (byKey ?? registry.names()).map((name) => registry.byName(name));
  const companion = byKey?.[0];
  if (companion !== undefined && TRAIL_COMPANIONS.includes(companion) && listed.includes('AWS.CloudTrail') && !listed.includes(companion)) {
    return [registry.byName(companion)];
  }
  return listed.map((name) => registry.byName(name));
}

/**
 * Finds the configured source for an object: the longest matching prefix in its bucket wins.
 */
export function resolveSource(
  sources: SourceConfig[],
  rawBucket: string,
  bucket: string,
  key: string,
  registry: LogTypeRegistry = builtInLogTypes,
): ResolvedSource | undefined {
  const candidates = sources
    .filter((source) => (source.bucket ?? rawBucket) === bucket && key.startsWith(source.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const source = candidates[0];
  if (!source) return undefined;
  return { id: `${source.bucket ?? rawBucket}/${source.prefix}`, label: source.label, logTypes: logTypesForObject(source.logTypes, key, registry) };
}
