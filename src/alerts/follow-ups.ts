import { DateTime } from 'luxon';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import { DUE_QUEUE, type Alert, type Confirmation, type ConfirmationStatus, type EscalationReason } from './alert';
import * as transitions from './transitions';

/**
 * What happens to an alert after it opens, as pure state changes: asking the actor ("was this
 * you?"), escalating to the team when nobody acknowledges it in time, and when the sweep should
 * look at it next. Slack calls and the audit trail are the callers' (src/notify/follow-ups.ts).
 */

/** How a rule asks: `true`, or with `resolveOnYes` when a "yes" makes the alert expected activity. */
export type ConfirmWithActor = boolean | { resolveOnYes?: boolean };

/** A claim to send the DM without a sent DM is abandoned after this long (the worker died mid-post). */
export const ASK_CLAIM_SECONDS = 120;

/** Who is re-notified when an alert escalates, and where besides its thread. */
export interface EscalationTarget {
  notify: string[];
  alsoChannel?: string;
}

function matchesRuleId(patterns: readonly string[], ruleId: string): boolean {
  return patterns.some((id) => id === ruleId || (id.endsWith('*') && ruleId.startsWith(id.slice(0, -1))));
}

/** Whether an alert asks its actor: the rule says so, prowl.config.yml's `confirmation.rules` names it, or its team asks for all. */
export function confirmationWanted(
  alert: Pick<Alert, 'ruleId' | 'kind'>,
  rule: ConfirmWithActor | undefined,
  team: TeamConfig | undefined,
  config: Pick<ConfigFile, 'confirmation'>,
): { resolveOnYes: boolean } | undefined {
  if (alert.kind !== 'rule') return undefined;
  if (rule) return { resolveOnYes: typeof rule === 'object' ? (rule.resolveOnYes ?? config.confirmation.resolveOnYes) : config.confirmation.resolveOnYes };
  if (matchesRuleId(config.confirmation.rules, alert.ruleId) || team?.askActor) return { resolveOnYes: config.confirmation.resolveOnYes };
  return undefined;
}

/** Minutes an alert of this severity may stay open before its team is re-notified; undefined: it never escalates by time. */
export function escalationMinutes(alert: Pick<Alert, 'severity'>, team: TeamConfig | undefined): number | undefined {
  return team?.escalation?.afterMinutes[alert.severity];
}

/** The team's escalation contacts, else its responders, else Prowl's responders (alerts no team owns). */
export function escalationTarget(team: TeamConfig | undefined, config: Pick<ConfigFile, 'roles'>): EscalationTarget {
  const notify = team?.escalation?.notify ?? (team && team.responders.length > 0 ? team.responders : config.roles.responders);
  return { notify, ...(team?.escalation?.alsoChannel ? { alsoChannel: team.escalation.alsoChannel } : {}) };
}

const WAITING: readonly ConfirmationStatus[] = ['pending', 'asking', 'asked'];
const TOLD_IN_THREAD: readonly ConfirmationStatus[] = ['asked', 'confirmed', 'denied', 'unanswered', 'unreachable'];

export function confirmationUntold(confirmation: Confirmation | undefined): boolean {
  return confirmation !== undefined && TOLD_IN_THREAD.includes(confirmation.status) && confirmation.toldStatus !== confirmation.status;
}

/** The earliest time something is to be done for the alert; undefined when nothing is left. */
export function nextDueAt(alert: Alert): string | undefined {
  const times: string[] = [];
  const confirmation = alert.confirmation;
  const past = alert.followUp?.plannedAt ?? alert.createdAt;
  if (confirmation && WAITING.includes(confirmation.status)) {
    times.push(confirmation.deadline);
    // A DM not sent yet (Slack refused, or the worker died) is retried by the sweep.
    if (confirmation.status === 'pending') times.push(past);
    if (confirmation.status === 'asking' && confirmation.claimedAt)
      times.push(DateTime.fromISO(confirmation.claimedAt, { zone: 'utc' }).plus({ seconds: ASK_CLAIM_SECONDS }).toISO()!);
  }
  if (confirmationUntold(confirmation)) times.push(past);
  for (const escalation of alert.escalations ?? []) if (!escalation.toldAt) times.push(escalation.at);
  const escalateAt = alert.followUp?.escalateAt;
  if (escalateAt && alert.status === 'OPEN' && !escalated(alert, 'unacknowledged')) times.push(escalateAt);
  return times.sort()[0];
}

/** The alert listed in the byDue index at its next due time, or taken out of it. */
export function withDue(alert: Alert): Alert {
  const dueAt = nextDueAt(alert);
  const { dueAt: _at, dueQueue: _queue, ...rest } = alert;
  return dueAt ? { ...rest, dueAt, dueQueue: DUE_QUEUE } : rest;
}

export function escalated(alert: Alert, reason: EscalationReason): boolean {
  return (alert.escalations ?? []).some((escalation) => escalation.reason === reason);
}

/** Adds an escalation unless one for the same reason happened already. */
export function escalate(alert: Alert, reason: EscalationReason, at: string, target: EscalationTarget): Alert {
  if (escalated(alert, reason)) return alert;
  return { ...alert, escalations: [...(alert.escalations ?? []), { reason, at, ...target }] };
}

/** Records what was planned when the alert opened: whom to ask, and when to escalate. */
export function planFollowUps(alert: Alert, at: string, plan: { confirmation?: Confirmation; escalateAt?: string }): Alert {
  return withDue({
    ...alert,
    followUp: { plannedAt: at, ...(plan.escalateAt ? { escalateAt: plan.escalateAt } : {}) },
    ...(plan.confirmation ? { confirmation: plan.confirmation } : {}),
  });
}

export interface DueOutcome {
  alert: Alert;
  /** Audit entries for what changed: action and details. */
  changes: Array<{ action: string; after: Record<string, unknown> }>;
}

/**
 * What is due at `now`: an unanswered question times out (and escalates the alert if it is still
 * open), and an open alert past its escalation time escalates. Acknowledging stops the escalation.
 */
export function applyDue(alert: Alert, now: DateTime, target: EscalationTarget): DueOutcome {
  const at = now.toUTC().toISO()!;
  const changes: DueOutcome['changes'] = [];
  let next = alert;
  const confirmation = next.confirmation;
  if (confirmation && WAITING.includes(confirmation.status) && confirmation.deadline <= at) {
    next = { ...next, confirmation: { ...confirmation, status: 'unanswered' } };
    changes.push({
      action: 'confirmation-unanswered',
      after: { principal: confirmation.principal, ...(confirmation.userId ? { userId: confirmation.userId } : {}) },
    });
    if (next.status === 'OPEN' && !escalated(next, 'unanswered')) {
      next = escalate(next, 'unanswered', at, target);
      changes.push({ action: 'escalate', after: { reason: 'unanswered', ...target } });
    }
  }
  const escalateAt = next.followUp?.escalateAt;
  if (escalateAt && escalateAt <= at && next.status === 'OPEN' && !escalated(next, 'unacknowledged')) {
    next = escalate(next, 'unacknowledged', at, target);
    changes.push({ action: 'escalate', after: { reason: 'unacknowledged', ...target } });
  }
  return { alert: changes.length > 0 || next.dueAt !== nextDueAt(next) ? withDue(next) : next, changes };
}

/**
 * The asked person's answer. Nobody else may answer; an answer stands once given. "Yes" resolves the
 * alert as benign when the rule says so; "no" escalates at once, whatever the alert's state: the
 * activity was not the person's, so whoever triaged it should hear.
 */
export function answerConfirmation(alert: Alert, userId: string, yes: boolean, at: string, target: EscalationTarget): Alert {
  const confirmation = alert.confirmation;
  if (!confirmation?.userId) throw new ProwlError('prowl_not_found', `nobody was asked about alert ${alert.id}`);
  if (confirmation.userId !== userId) throw new ProwlError('prowl_forbidden', 'only the person Prowl asked can answer whether this was them');
  if (confirmation.status === 'confirmed' || confirmation.status === 'denied')
    throw new ProwlError('prowl_conflict', `this was answered already: ${confirmation.status === 'confirmed' ? 'yes, it was you' : 'no, it was not you'}`);
  let next: Alert = { ...alert, confirmation: { ...confirmation, status: yes ? 'confirmed' : 'denied', answeredAt: at } };
  if (yes && confirmation.resolveOnYes && (next.status === 'OPEN' || next.status === 'ACKNOWLEDGED'))
    next = transitions.resolve(next, userId, at, 'benign', 'the actor confirmed it was them');
  if (!yes) next = escalate(next, 'denied', at, target);
  return withDue(next);
}
