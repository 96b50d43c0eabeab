import type { DateTime } from 'luxon';
import type { Resource } from './resource-types';

/** Where scans keep what they saw; overwritten by each scan, expired a week after the last one (store/dynamo-resource-store.ts). */
export interface ResourceStore {
  save(resources: readonly Resource[], scannedAt: DateTime): Promise<void>;
}
