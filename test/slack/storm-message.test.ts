import type { StormGroup } from '../../src/alerts/storm';
import { limitViolations } from '../../src/slack/message';
import { renderText } from '../../src/slack/render-text';
import { STORM_ITEMS_PER_REPLY, stormGroupMessage, stormItemsMessage, timelineMessage } from '../../src/slack/storm-message';
import { openAlert } from '../helpers/alerts';

const group: StormGroup = {
  id: 'storm-0123',
  rule: 'AWS.CloudTrail.RootConsoleLogin',
  title: 'Root console login from 203.0.113.1',
  severity: 'HIGH',
  channel: '#security-alerts',
  windowStart: '2026-11-22T10:00:00.000Z',
  windowEnd: '2026-11-22T10:05:00.000Z',
  threshold: 10,
  windowMinutes: 5,
  alertIds: Array.from({ length: 37 }, (_, i) => `a${i}`),
  threaded: [],
  topActors: [
    ['root', 30],
    ['Engineer/alice', 7],
  ],
  topAccounts: [['123456789012', 37]],
  timeline: [],
  expiresAt: 0,
};

describe('storm messages', () => {
  it('say which rule, how many alerts in how long, who and where, with actions for all of them', () => {
    const rendered = renderText(stormGroupMessage(group));
    expect(rendered).toContain('STORM: AWS.CLOUDTRAIL.ROOTCONSOLELOGIN');
    expect(rendered).toContain('AWS.CloudTrail.RootConsoleLogin: 37 alerts in 5 minutes for this channel');
    expect(rendered).toContain('Top actors: root (30), Engineer/alice (7)');
    expect(rendered).toContain('Accounts: 123456789012 (37)');
    expect(rendered).toContain('[Acknowledge all] [Suppress the rule for 1 h] [Show list]');
  });

  it('tell what was done to the whole group once it was', () => {
    const done = stormGroupMessage({
      ...group,
      bulk: {
        acknowledgedBy: 'U0ALICE',
        acknowledgedAt: '2026-11-22T10:06:00.000Z',
        acknowledged: 37,
        suppressionId: 's-1',
        suppressedBy: 'U0BOB',
        suppressedUntil: '2026-11-22T11:06:00.000Z',
      },
    });
    const rendered = renderText(done);
    expect(rendered).toContain('37 alerts acknowledged by @U0ALICE at 2026-11-22 10:06:00 UTC');
    expect(rendered).toContain('Rule suppressed until 2026-11-22 11:06:00 UTC by @U0BOB (s-1)');
  });

  it('list alerts in the thread, each on its own lines with its Acknowledge button, within Slack’s limits', () => {
    const alerts = Array.from({ length: STORM_ITEMS_PER_REPLY + 5 }, (_, i) =>
      openAlert({ id: `AWS.CloudTrail.Test-${String(i).padStart(16, '0')}`, matchCount: i + 1 }),
    );
    const message = stormItemsMessage(alerts, 41, 90);
    expect(limitViolations(message)).toEqual([]);
    const rendered = renderText(message);
    expect(rendered).toContain(`Alerts 41–${40 + STORM_ITEMS_PER_REPLY} of 90 in this storm`);
    expect(rendered).toContain(
      'Something happened · 1 event\nEngineer/alice · 123456789012 · 2026-11-22 10:00:00 UTC\nAWS.CloudTrail.Test-0000000000000000\n  [Acknowledge]',
    );
    expect(rendered.match(/\[Acknowledge\]/g)).toHaveLength(STORM_ITEMS_PER_REPLY);
  });

  it('render a timeline entry as one line, with what the person wrote quoted', () => {
    const rendered = renderText(timelineMessage({ id: 'e', kind: 'resolved', actor: 'U0ALICE', at: '2026-11-22T10:07:00.000Z', text: 'benign: drill' }));
    expect(rendered).toBe('Resolved by @U0ALICE · 2026-11-22 10:07:00 UTC\n>benign: drill');
  });
});
