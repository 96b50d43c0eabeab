import type { SourceConfig } from '../config';
import { allLogTypes, logTypeByName } from './registry';
import type { LogType } from './log-type';

export interface ResolvedSource {
  id: string;
  label: string;
  /** Types to try, in order. */
  logTypes: LogType[];
}

const CLOUDTRAIL_KEY = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail\//;

/**
 * Finds the configured source for an object: the longest matching prefix in its bucket wins.
 * A source that lists no log types lets the classifier try every type; CloudTrail's own key layout
 * narrows that to CloudTrail.
 */
export function resolveSource(sources: SourceConfig[], rawBucket: string, bucket: string, key: string): ResolvedSource | undefined {
  const candidates = sources
    .filter((source) => (source.bucket ?? rawBucket) === bucket && key.startsWith(source.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const source = candidates[0];
  if (!source) return undefined;
  const logTypes = source.logTypes.length > 0
    ? source.logTypes.map(logTypeByName)
    : CLOUDTRAIL_KEY.test(key)
      ? [logTypeByName('AWS.CloudTrail')]
      : allLogTypes();
  return { id: `${source.bucket ?? rawBucket}/${source.prefix}`, label: source.label, logTypes };
}
