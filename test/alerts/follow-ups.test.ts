import type { Alert } from '../../src/alerts/alert';
import { answerConfirmation, applyDue, confirmationWanted, planFollowUps } from '../../src/alerts/follow-ups';
import { configFileSchema, type TeamConfig } from '../../src/config';
import { T0, openAlert } from '../helpers/alerts';

const confirmation = (settings: Record<string, unknown> = {}) => ({ confirmation: configFileSchema.shape.confirmation.parse(settings) });
const team = (overrides: Partial<TeamConfig> = {}): TeamConfig => ({
  name: 'identity',
  channel: '#identity',
  minSeverity: 'INFO',
  owns: { ruleIds: [], tags: [], logTypes: [], accounts: [], sources: [] },
  responders: [],
  ...overrides,
});
const target = { notify: ['S0ONCALL'] };
const iso = (minutes: number): string => T0.plus({ minutes }).toISO()!;

function planned(overrides: Partial<Alert> = {}, asked = true): Alert {
  return planFollowUps(openAlert(overrides), iso(0), {
    escalateAt: iso(30),
    ...(asked
      ? { confirmation: { principal: 'IAM user bob', userId: 'UBOB', status: 'asked', toldStatus: 'asked', resolveOnYes: false, deadline: iso(15) } }
      : {}),
  });
}

describe('what follows an alert once it opens', () => {
  it('asks when the rule, the configured rule list or the team says so, and never for Prowl’s own alerts', () => {
    const alert = openAlert();
    expect(confirmationWanted(alert, undefined, undefined, confirmation())).toBeUndefined();
    expect(confirmationWanted(alert, true, undefined, confirmation({ resolveOnYes: true }))).toEqual({ resolveOnYes: true });
    expect(confirmationWanted(alert, { resolveOnYes: false }, undefined, confirmation({ resolveOnYes: true }))).toEqual({ resolveOnYes: false });
    expect(confirmationWanted(alert, undefined, undefined, confirmation({ rules: ['AWS.CloudTrail.*'] }))).toEqual({ resolveOnYes: false });
    expect(confirmationWanted(alert, undefined, team({ askActor: true }), confirmation())).toEqual({ resolveOnYes: false });
    expect(confirmationWanted(openAlert({ kind: 'rule-error' }), true, team({ askActor: true }), confirmation())).toBeUndefined();
  });

  it('lists the alert at its earliest due time and takes it off once nothing is left', () => {
    const alert = planned();
    expect({ dueAt: alert.dueAt, dueQueue: alert.dueQueue }).toEqual({ dueAt: iso(15), dueQueue: 'due' });
    const answered = answerConfirmation(alert, 'UBOB', true, iso(1), target);
    expect(answered.dueAt).toBe(iso(0)); // the answer is still to be told in the thread
    const told = { ...answered, confirmation: { ...answered.confirmation!, toldStatus: 'confirmed' as const } };
    expect(applyDue(told, T0.plus({ minutes: 2 }), target).alert.dueAt).toBe(iso(30));
    const escalated = applyDue(told, T0.plus({ minutes: 30 }), target).alert;
    expect(escalated.dueAt).toBe(iso(30)); // the escalation is still to be told
    const done = applyDue(
      { ...escalated, escalations: escalated.escalations!.map((e) => ({ ...e, toldAt: iso(30) })) },
      T0.plus({ minutes: 31 }),
      target,
    ).alert;
    expect({ dueAt: done.dueAt, dueQueue: done.dueQueue }).toEqual({ dueAt: undefined, dueQueue: undefined });
  });

  it('escalates an open alert once its time has come, and an acknowledged one never', () => {
    const open = planned({}, false);
    expect(applyDue(open, T0.plus({ minutes: 29 }), target).changes).toEqual([]);
    const due = applyDue(open, T0.plus({ minutes: 30 }), target);
    expect(due.changes).toEqual([{ action: 'escalate', after: { reason: 'unacknowledged', notify: ['S0ONCALL'] } }]);
    const again = applyDue(due.alert, T0.plus({ minutes: 31 }), target);
    expect(again.alert.escalations).toHaveLength(1);

    const acked = applyDue({ ...open, status: 'ACKNOWLEDGED' }, T0.plus({ minutes: 31 }), target);
    expect(acked.changes).toEqual([]);
    expect(acked.alert.escalations).toBeUndefined();
    expect(acked.alert.dueAt).toBeUndefined();
  });

  it('times an unanswered question out, escalating only an alert still open', () => {
    const open = applyDue(planned(), T0.plus({ minutes: 15 }), target);
    expect(open.alert.confirmation?.status).toBe('unanswered');
    expect(open.changes.map((change) => change.action)).toEqual(['confirmation-unanswered', 'escalate']);
    const acked = applyDue(planned({ status: 'ACKNOWLEDGED' }), T0.plus({ minutes: 15 }), target);
    expect(acked.changes.map((change) => change.action)).toEqual(['confirmation-unanswered']);
  });

  it('takes one answer from the person asked; a no escalates even a resolved alert', () => {
    expect(() => answerConfirmation(planned(), 'UMALLORY', true, iso(1), target)).toThrow('only the person Prowl asked can answer');
    const denied = answerConfirmation(planned({ status: 'RESOLVED' }), 'UBOB', false, iso(1), target);
    expect(denied.escalations).toEqual([{ reason: 'denied', at: iso(1), notify: ['S0ONCALL'] }]);
    expect(() => answerConfirmation(denied, 'UBOB', true, iso(2), target)).toThrow('this was answered already: no, it was not you');
  });
});
