import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { StormSettings, TeamConfig } from '../config';
import type { Severity } from '../config/severity';

/**
 * A storm: one rule opening many alerts for one channel in a short time. Its alerts are counted on
 * one item (a set of alert ids, added to atomically, so parallel workers and retries count each
 * alert once) and shown as one grouped message whose thread lists them.
 */
export interface StormGroup {
  id: string;
  /** The rule's id (not `ruleId`: the alerts table indexes that attribute, and a storm is no alert). */
  rule: string;
  title: string;
  severity: Severity;
  channel: string;
  windowStart: string;
  windowEnd: string;
  threshold: number;
  windowMinutes: number;
  /** Every alert of the rule for the channel in the window, in no particular order. */
  alertIds: string[];
  /** Alerts already listed in the thread, in the order they were listed. */
  threaded: string[];
  /** The grouped message: claimed before it is posted, like an alert's. */
  slack?: { claimedAt: string; ts?: string; channel?: string; renderedHash?: string; updatedAt?: string };
  /** A worker listing the next alerts in the thread; one at a time, so replies never interleave or repeat. */
  threading?: { claimedAt: string; ids: string[] };
  /** Who acted on the whole group from its buttons. */
  bulk?: { acknowledgedBy?: string; acknowledgedAt?: string; acknowledged?: number; suppressionId?: string; suppressedBy?: string; suppressedUntil?: string };
  /** Most frequent actors and accounts among the listed alerts, most frequent first. */
  topActors: Array<[string, number]>;
  topAccounts: Array<[string, number]>;
  /** Timeline entries already posted in the group's thread. */
  timeline: string[];
  expiresAt: number;
}

/** The open storm window of one (rule, channel): which group new alerts join until it ends. */
export interface StormWindow {
  id: string;
  groupId: string;
  start: string;
  end: string;
  version: number;
  expiresAt?: number;
}

/** What joining a storm needs to know about the alert and where it goes. */
export interface StormJoin {
  alertId: string;
  ruleId: string;
  title: string;
  severity: Severity;
  channel: string;
  settings: StormSettings;
}

/** Where storm groups live. Joining is one atomic update; claims are conditional updates. */
export interface StormStore {
  /** Adds the alert to the open window's group (opening a window when none is open) and returns the group after. */
  join(join: StormJoin, now: DateTime): Promise<StormGroup>;
  get(id: string): Promise<StormGroup | undefined>;
  /** Claims posting the grouped message; undefined when another worker holds a claim younger than `staleBefore`. */
  claimPost(id: string, claimedAt: string, staleBefore: string): Promise<StormGroup | undefined>;
  recordPost(id: string, claimedAt: string, ref: { channel: string; ts: string }, renderedHash: string, at: string): Promise<void>;
  releasePost(id: string, claimedAt: string): Promise<void>;
  /** Claims listing `ids` in the thread; undefined when another worker is listing. */
  claimThreading(id: string, ids: readonly string[], claimedAt: string, staleBefore: string): Promise<StormGroup | undefined>;
  finishThreading(id: string, claimedAt: string, ids: readonly string[], top: Pick<StormGroup, 'topActors' | 'topAccounts'>): Promise<StormGroup | undefined>;
  releaseThreading(id: string, claimedAt: string): Promise<void>;
  recordRender(id: string, renderedHash: string, at: string): Promise<void>;
  recordBulk(id: string, bulk: NonNullable<StormGroup['bulk']>): Promise<StormGroup | undefined>;
  /** Claims posting a timeline entry in the group's thread: false when it was posted (or is being posted) already. */
  claimTimeline(id: string, entryId: string): Promise<boolean>;
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function stormWindowIdFor(ruleId: string, channel: string): string {
  return `stormwindow-${digest(ruleId, channel).slice(0, 32)}`;
}

export function stormGroupIdFor(ruleId: string, channel: string, windowStart: string): string {
  return `storm-${digest(ruleId, channel, windowStart).slice(0, 32)}`;
}

/** A team's own thresholds, field by field over the configured defaults (`options.storm`). */
export function stormSettingsFor(team: TeamConfig | undefined, defaults: StormSettings): StormSettings {
  return { threshold: team?.storm?.threshold ?? defaults.threshold, windowMinutes: team?.storm?.windowMinutes ?? defaults.windowMinutes };
}

/** True once the group holds more alerts than its threshold: from then on its alerts go to the thread. */
export function isStorming(group: Pick<StormGroup, 'alertIds' | 'threshold'>): boolean {
  return group.alertIds.length > group.threshold;
}

/** Alerts of the group not yet listed in the thread, in a stable order. */
export function unlisted(group: Pick<StormGroup, 'alertIds' | 'threaded' | 'threading'>): string[] {
  const listed = new Set(group.threaded);
  return group.alertIds.filter((id) => !listed.has(id)).sort();
}

/** Adds values to a top list (name → count), keeping the `keep` most frequent. */
export function addToTop(top: ReadonlyArray<[string, number]>, values: Iterable<string>, keep = 10): Array<[string, number]> {
  const counts = new Map(top);
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, keep);
}
