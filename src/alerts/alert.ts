import { createHash } from 'node:crypto';
import type { Severity } from '../config/severity';
import type { NormalizedEvent } from '../logs/log-type';

export const ALERT_STATUSES = ['PENDING', 'OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
/** PENDING: matches counted, threshold not reached yet, nobody is told. */
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const RESOLUTIONS = ['true-positive', 'benign', 'false-positive', 'duplicate', 'test', 'remediated'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type AlertKind = 'rule' | 'rule-error' | 'policy' | 'system';

/** The resource a policy alert is about, as the scan found it (kept small: the full JSON is in the resources table). */
export interface AlertResource {
  ResourceType: string;
  ResourceId: string;
  AccountId: string;
  Region: string;
  /** A readable summary of the attributes the policy looked at, for the message. */
  summary: Record<string, unknown>;
}

export interface SlackRef {
  channel: string;
  ts?: string;
  /** When a notify worker claimed the post; a claim without ts that is old enough may be taken over. */
  claimedAt: string;
  /** Hash of the message last shown, so an update that would change nothing is skipped. */
  renderedHash?: string;
  /** Match count already told in the thread; later matches get a reply with the newest event. */
  threadedCount?: number;
  /**
   * Set when the alert came in a storm (src/notify/storm-delivery.ts): the storm group it belongs to.
   * Its `ts` is then the group's message, so replies about the alert land in the group's thread,
   * and `itemTs` the thread reply that lists it.
   */
  storm?: string;
  itemTs?: string;
  /** Ids of the timeline entries already posted in the thread (the newest ones), so a retry never posts one twice. */
  timeline?: string[];
  /** `assignedAt` of the assignment whose assignee has been sent a DM, so each assignment is told once. */
  toldAssignment?: string;
}

export interface Alert {
  id: string;
  /**
   * The short reference people type (`#42`): sequential per deployment, given when the alert is first
   * shown in Slack (see `numberAlert`), never changed after.
   */
  number?: number;
  kind: AlertKind;
  ruleId: string;
  dedup: string;
  title: string;
  severity: Severity;
  description: string;
  runbook: string;
  reference?: string;
  tags: string[];
  author?: string;
  /** The rule's license, shown with its author. */
  license?: string;
  team?: string;
  logTypes: string[];
  status: AlertStatus;
  threshold: number;
  matchCount: number;
  /**
   * For rules whose threshold counts distinct values: the values seen in the window (at most
   * DISTINCT_LIMITS.valuesPerAlert; the threshold compares against their number, not matchCount).
   */
  distinctValues?: string[];
  windowStart: string;
  windowEnd: string;
  /** Event times of the earliest and latest match. */
  firstSeen: string;
  lastSeen: string;
  context: Record<string, unknown>;
  samples: NormalizedEvent[];
  /** Policy alerts: the failing resource. */
  resource?: AlertResource;
  /** The newest matching event, for the thread reply when more matches arrive. */
  latestSample?: NormalizedEvent;
  /** Ids of the last batches applied, so a retried batch is not counted twice. */
  recentBatches: string[];
  slack?: SlackRef;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  resolvedBy?: string;
  resolvedAt?: string;
  resolution?: { reason: Resolution; note?: string };
  /** Who owns the alert now: a Slack user id (or the terminal's `local`). */
  assignee?: string;
  assignedBy?: string;
  assignedAt?: string;
  /** When the alert first became OPEN (createdAt is when its first match was counted, maybe below threshold). */
  openedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /**
   * Epoch seconds after which DynamoDB's TTL may delete the item: set while the alert is PENDING
   * (a threshold not reached when its window ended is never looked at again), removed when it opens.
   */
  expiresAt?: number;
  /** What was planned when the alert opened: when it escalates if nobody acknowledges it (src/alerts/follow-ups.ts). */
  followUp?: { plannedAt: string; escalateAt?: string };
  /** "Was this you?": who was asked about the activity, and what they answered. */
  confirmation?: Confirmation;
  /** Each reason escalates at most once. */
  escalations?: Escalation[];
  /** When the escalation sweep looks at the alert next; with `dueQueue` it lists the alert in the byDue index. */
  dueAt?: string;
  dueQueue?: typeof DUE_QUEUE;
}

/** The byDue index's one partition: only alerts with something scheduled carry it, so the index stays small. */
export const DUE_QUEUE = 'due';

export const CONFIRMATION_STATUSES = ['pending', 'asking', 'asked', 'confirmed', 'denied', 'unanswered', 'unreachable'] as const;
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];

export interface Confirmation {
  /** The AWS principal as the event names it, with its kind: `Identity Center user alice`. */
  principal: string;
  /** The Slack user asked; absent when the principal is nobody Prowl can find in Slack. */
  userId?: string;
  status: ConfirmationStatus;
  /** A "yes" resolves the alert as benign. */
  resolveOnYes: boolean;
  /** No answer by then escalates. */
  deadline: string;
  /** When a worker claimed sending the DM (status `asking`); an old claim may be taken over. */
  claimedAt?: string;
  askedAt?: string;
  dm?: { channel: string; ts: string };
  answeredAt?: string;
  /** Why nobody could be asked. */
  reason?: string;
  /** The last status told in the alert's thread. */
  toldStatus?: ConfirmationStatus;
}

export type EscalationReason = 'unacknowledged' | 'denied' | 'unanswered';

export interface Escalation {
  reason: EscalationReason;
  at: string;
  /** Who is mentioned (user and user-group ids), fixed when the escalation is decided. */
  notify: string[];
  alsoChannel?: string;
  /** Set when the thread reply is sent (before posting, so two workers never both post). */
  toldAt?: string;
}

/** The open dedup window of one (rule, dedup key): which alert new matches join until it ends. */
export interface DedupWindow {
  id: string;
  alertId: string;
  start: string;
  end: string;
  version: number;
  /** Epoch seconds after which DynamoDB's TTL may delete the window; a later match opens a new one anyway. */
  expiresAt?: number;
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Rule id + dedup key + window start → the same id on every worker and every retry. */
export function alertIdFor(ruleId: string, dedup: string, windowStart: string): string {
  return `${ruleId}-${digest(ruleId, dedup, windowStart).slice(0, 16)}`;
}

export function windowIdFor(ruleId: string, dedup: string): string {
  return `window-${digest(ruleId, dedup).slice(0, 32)}`;
}
