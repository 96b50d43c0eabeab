import { DateTime } from 'luxon';
import { actorPrincipal, describePrincipal, emailFor, type PeopleDirectory } from '../alerts/actor-principal';
import type { Alert, Confirmation } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import type { AuditLog } from '../alerts/audit';
import {
  ASK_CLAIM_SECONDS,
  applyDue,
  confirmationUntold,
  confirmationWanted,
  escalationMinutes,
  escalationTarget,
  nextDueAt,
  planFollowUps,
  withDue,
  type ConfirmWithActor,
  type DueOutcome,
} from '../alerts/follow-ups';
import { teamFor } from '../alerts/routing';
import type { ConfigFile, TeamConfig } from '../config';
import { isProwlError } from '../errors';
import { logger } from '../logger';
import { confirmationClosed, confirmationNote, confirmationRequest, escalationElsewhere, escalationMessage } from '../slack/confirmation-message';
import { slackRefused, type SlackGateway } from '../slack/gateway';

/** Prowl's own changes (timeouts, escalations) are audited under this actor. */
export const PROWL_ACTOR = 'prowl';

export interface FollowUpDeps {
  alerts: AlertStore;
  audit: AuditLog;
  gateway: SlackGateway;
  people: PeopleDirectory;
  config: Pick<ConfigFile, 'confirmation' | 'roles'>;
  teams(): Promise<TeamConfig[]>;
  /** A rule's own `confirmWithActor`, by rule id. */
  confirmWithActor(ruleId: string): ConfirmWithActor | undefined;
  now: () => DateTime;
}

/**
 * Everything that follows an alert's first post, each step idempotent so notify (after every
 * delivery) and the escalation sweep (when the alert is due) can both run it at any time:
 * plan once, ask the actor once, apply what is due, tell the thread what it has not been told.
 */
export async function runFollowUps(alertId: string, deps: FollowUpDeps): Promise<void> {
  await plan(alertId, deps);
  await ask(alertId, deps);
  await applyDueNow(alertId, deps);
  await tell(alertId, deps);
}

async function confirmationFor(alert: Alert, team: TeamConfig | undefined, deps: FollowUpDeps, now: DateTime): Promise<Confirmation | undefined> {
  const wanted = confirmationWanted(alert, deps.confirmWithActor(alert.ruleId), team, deps.config);
  if (!wanted) return undefined;
  const deadline = now.plus({ minutes: deps.config.confirmation.timeoutMinutes }).toUTC().toISO()!;
  const base = { resolveOnYes: wanted.resolveOnYes, deadline };
  const principal = actorPrincipal(alert.samples[0]);
  if (!principal)
    return { ...base, principal: 'unknown', status: 'unreachable', reason: 'the event names no IAM user, Identity Center user or role session to ask' };
  const described = describePrincipal(principal);
  const email = emailFor(principal, deps.config.confirmation);
  if (!email)
    return { ...base, principal: described, status: 'unreachable', reason: `no Slack email is configured for ${described} (confirmation in prowl.config.yml)` };
  const userId = await deps.people.userIdByEmail(email);
  if (!userId) return { ...base, principal: described, status: 'unreachable', reason: `no Slack user has the email ${email}` };
  return { ...base, principal: described, userId, status: 'pending' };
}

/**
 * Planned once, when the posted alert is first seen open: in the notify path, because that is where
 * an alert becomes visible (never for one still below its threshold), runs once per alert behind the
 * post claim, and is retried by the queue when Slack is briefly unreachable.
 */
async function plan(alertId: string, deps: FollowUpDeps): Promise<void> {
  const alert = await deps.alerts.get(alertId);
  if (alert?.status !== 'OPEN' || !alert.slack?.ts || alert.followUp) return;
  const team = teamFor(alert, await deps.teams());
  const now = deps.now();
  const at = now.toUTC().toISO()!;
  const confirmation = await confirmationFor(alert, team, deps, now);
  const minutes = escalationMinutes(alert, team);
  const escalateAt = minutes ? now.plus({ minutes }).toUTC().toISO()! : undefined;
  const planned = await deps.alerts.mutate(alertId, (a) =>
    a && a.status === 'OPEN' && !a.followUp ? planFollowUps(a, at, { ...(confirmation ? { confirmation } : {}), ...(escalateAt ? { escalateAt } : {}) }) : a,
  );
  if (planned.written && confirmation?.status === 'unreachable')
    await deps.audit.record({ subject: alertId, action: 'confirmation-unreachable', actor: PROWL_ACTOR, at, after: { reason: confirmation.reason } });
}

function askable(confirmation: Confirmation | undefined, now: DateTime): boolean {
  if (!confirmation?.userId) return false;
  if (confirmation.status === 'pending') return true;
  return (
    confirmation.status === 'asking' &&
    confirmation.claimedAt !== undefined &&
    now.diff(DateTime.fromISO(confirmation.claimedAt), 'seconds').seconds > ASK_CLAIM_SECONDS
  );
}

/**
 * Sends the DM once, claimed first. A DM Slack rate-limited releases the claim for the retry; one it
 * refuses for good (a bot, a deactivated user) leaves nobody to ask; one that timed out keeps the
 * claim until it expires, since it may have been delivered.
 */
async function ask(alertId: string, deps: FollowUpDeps): Promise<void> {
  const now = deps.now();
  const claimedAt = now.toUTC().toISO()!;
  const claim = await deps.alerts.mutate(alertId, (a) =>
    a?.confirmation && askable(a.confirmation, now) ? withDue({ ...a, confirmation: { ...a.confirmation, status: 'asking', claimedAt } }) : a,
  );
  if (!claim.written || !claim.after?.confirmation?.userId) return;
  const confirmation = claim.after.confirmation;
  let dm;
  try {
    dm = await deps.gateway.post(confirmation.userId!, confirmationRequest(claim.after, confirmation, deps.config.confirmation.timeoutMinutes));
  } catch (error) {
    if (!slackRefused(error)) throw error; // a timeout may have delivered it: the claim stands until it expires
    const ours = (a: Alert | undefined): a is Alert & { confirmation: Confirmation } =>
      a?.confirmation?.status === 'asking' && a.confirmation.claimedAt === claimedAt;
    if (isProwlError(error, 'prowl_slack_rate_limited')) {
      // Slack asked us to wait: released for the retry.
      await deps.alerts.mutate(alertId, (a) => (ours(a) ? withDue({ ...a, confirmation: { ...a.confirmation, status: 'pending' } }) : a));
      throw error;
    }
    // Slack refused this DM for good (the user cannot be messaged): nobody can be asked, and the thread says why.
    const reason = `Slack refused the DM to ${confirmation.userId}: ${error instanceof Error ? error.message : String(error)}`;
    const given = await deps.alerts.mutate(alertId, (a) =>
      ours(a) ? withDue({ ...a, confirmation: { ...a.confirmation, status: 'unreachable', reason } }) : a,
    );
    if (given.written) await deps.audit.record({ subject: alertId, action: 'confirmation-unreachable', actor: PROWL_ACTOR, at: claimedAt, after: { reason } });
    return;
  }
  // The person may have answered already; the reference is kept either way so the DM can be closed.
  await deps.alerts.mutate(alertId, (a) =>
    a?.confirmation?.claimedAt === claimedAt
      ? withDue({
          ...a,
          confirmation: {
            ...a.confirmation,
            askedAt: claimedAt,
            dm: { channel: dm.channel, ts: dm.ts },
            ...(a.confirmation.status === 'asking' ? { status: 'asked' } : {}),
          },
        })
      : a,
  );
  await deps.audit.record({
    subject: alertId,
    action: 'confirmation-asked',
    actor: PROWL_ACTOR,
    at: claimedAt,
    after: { userId: confirmation.userId, principal: confirmation.principal, deadline: confirmation.deadline },
  });
}

/** Timeouts and escalations whose time has come, written once (the conditional write decides who). */
async function applyDueNow(alertId: string, deps: FollowUpDeps): Promise<void> {
  const now = deps.now();
  const at = now.toUTC().toISO()!;
  const alert = await deps.alerts.get(alertId);
  if (!alert) return;
  // Also re-lists an alert whose listing is stale: one unacknowledged after the sweep let it go.
  const due = nextDueAt(alert);
  if (alert.dueAt === due && !(due && due <= at)) return;
  const target = escalationTarget(teamFor(alert, await deps.teams()), deps.config);
  let outcome: DueOutcome | undefined;
  const result = await deps.alerts.mutate(alertId, (a) => {
    if (!a) return a;
    outcome = applyDue(a, now, target);
    return outcome.alert;
  });
  if (!result.written || !outcome) return;
  for (const change of outcome.changes) await deps.audit.record({ subject: alertId, action: change.action, actor: PROWL_ACTOR, at, after: change.after });
}

/**
 * Tells the thread each confirmation step and escalation once. The mark is written before the
 * post (two workers never both post); a post Slack refused takes the mark back so the next run
 * retries, one that timed out keeps it (it may have landed).
 */
async function tell(alertId: string, deps: FollowUpDeps): Promise<void> {
  const alert = await deps.alerts.get(alertId);
  if (!alert?.slack?.ts) return;
  const thread = { channel: alert.slack.channel, ts: alert.slack.ts };

  if (confirmationUntold(alert.confirmation)) {
    const status = alert.confirmation!.status;
    const previous = alert.confirmation!.toldStatus;
    const claim = await deps.alerts.mutate(alertId, (a) =>
      a?.confirmation?.status === status && a.confirmation.toldStatus === previous
        ? withDue({ ...a, confirmation: { ...a.confirmation, toldStatus: status } })
        : a,
    );
    if (claim.written && claim.after?.confirmation) {
      const told = claim.after.confirmation;
      await postOrRelease(
        () => deps.gateway.post(thread.channel, confirmationNote(claim.after!, told), { threadTs: thread.ts }),
        () =>
          deps.alerts.mutate(alertId, (a) => {
            if (a?.confirmation?.toldStatus !== status) return a;
            const { toldStatus: _told, ...confirmation } = a.confirmation;
            return withDue({ ...a, confirmation: previous ? { ...confirmation, toldStatus: previous } : confirmation });
          }),
      );
      if (told.dm && (told.status === 'confirmed' || told.status === 'denied' || told.status === 'unanswered')) {
        // Best effort: the answer is recorded and told in the thread; a DM left with buttons refuses a second answer.
        await deps.gateway.update(told.dm, confirmationClosed(claim.after, told)).catch((error: unknown) => {
          logger.warn('could not close the confirmation DM', { alertId, error: (error as Error).message });
        });
      }
    }
  }

  for (const pending of alert.escalations ?? []) {
    if (pending.toldAt) continue;
    const toldAt = deps.now().toUTC().toISO()!;
    const mark = (a: Alert | undefined, value: string | undefined): Alert | undefined => {
      const escalations = a?.escalations;
      const i = escalations?.findIndex((e) => e.reason === pending.reason) ?? -1;
      if (!a || !escalations || i < 0 || (value !== undefined && escalations[i]!.toldAt)) return a;
      const { toldAt: _was, ...escalation } = escalations[i]!;
      const updated = escalations.map((e, j) => (j === i ? { ...escalation, ...(value ? { toldAt: value } : {}) } : e));
      return withDue({ ...a, escalations: updated });
    };
    const claim = await deps.alerts.mutate(alertId, (a) => mark(a, toldAt));
    if (!claim.written || !claim.after) continue;
    const escalation = { ...pending, toldAt };
    await postOrRelease(
      () => deps.gateway.post(thread.channel, escalationMessage(claim.after!, escalation), { threadTs: thread.ts }),
      () => deps.alerts.mutate(alertId, (a) => (a?.escalations?.find((e) => e.reason === pending.reason)?.toldAt === toldAt ? mark(a, undefined) : a)),
    );
    if (escalation.alsoChannel)
      await deps.gateway.post(escalation.alsoChannel, escalationElsewhere(claim.after, escalation)).catch((error: unknown) => {
        // The thread has it; a second channel that refuses (Prowl not invited) must not repeat the thread reply.
        logger.warn('could not post the escalation to the second channel', { alertId, channel: escalation.alsoChannel, error: (error as Error).message });
      });
  }
}

async function postOrRelease(post: () => Promise<unknown>, release: () => Promise<unknown>): Promise<void> {
  try {
    await post();
  } catch (error) {
    if (slackRefused(error)) await release();
    throw error;
  }
}
