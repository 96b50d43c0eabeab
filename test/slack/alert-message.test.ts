import { alertMessage } from '../../src/slack/alert-message';
import { limitViolations } from '../../src/slack/message';
import { openAlert } from '../helpers/alerts';

function buttonLabels(alert: Parameters<typeof alertMessage>[0]): string[] {
  const actions = alertMessage(alert).blocks.find((block) => block.type === 'actions');
  return actions && actions.type === 'actions' ? actions.elements.map((element) => (element.type === 'button' ? element.text.text : '')) : [];
}

describe('the alert message', () => {
  it('offers the triage buttons that fit the alert’s state', () => {
    expect(buttonLabels(openAlert())).toEqual(['Acknowledge', 'Resolve', 'Suppress…', 'Show events']);
    expect(buttonLabels(openAlert({ status: 'ACKNOWLEDGED', acknowledgedBy: 'U1', acknowledgedAt: '2026-11-22T10:01:00.000Z' }))).toEqual([
      'Unacknowledge',
      'Resolve',
      'Suppress…',
      'Show events',
    ]);
    expect(buttonLabels(openAlert({ status: 'RESOLVED', resolvedBy: 'U1', resolvedAt: '2026-11-22T10:01:00.000Z', resolution: { reason: 'benign' } }))).toEqual(
      ['Show events'],
    );
  });

  it('says who acknowledged and when', () => {
    const text = JSON.stringify(
      alertMessage(openAlert({ status: 'ACKNOWLEDGED', acknowledgedBy: 'U0ALICE', acknowledgedAt: '2026-11-22T10:01:00.000Z' })).blocks,
    );
    expect(text).toContain('Acknowledged by <@U0ALICE> at 2026-11-22 10:01:00 UTC');
  });

  it('is colour-coded by severity with a plain-text fallback', () => {
    const message = alertMessage(openAlert({ severity: 'CRITICAL' }));
    expect(message.color).toBe('#d62828');
    expect(message.text).toBe('[CRITICAL] Something happened');
  });

  it('stays within Slack’s limits whatever the rule produced', () => {
    const message = alertMessage(
      openAlert({
        title: 'T'.repeat(5000),
        description: 'D'.repeat(10_000),
        runbook: 'R'.repeat(10_000),
        context: { blob: 'C'.repeat(50_000) },
        tags: Array.from({ length: 500 }, (_, i) => `TA0001:T${1000 + i}`),
      }),
    );
    expect(limitViolations(message)).toEqual([]);
  });

  it('is caught by the limit check when a builder goes over', () => {
    const message = alertMessage(openAlert());
    const broken = { ...message, blocks: [...message.blocks, { type: 'header' as const, text: { type: 'plain_text' as const, text: 'x'.repeat(151) } }] };
    expect(limitViolations(broken)).toEqual([expect.stringContaining('header over 150 chars')]);
  });
});
