import type { KnownBlock } from '@slack/types';
import type { Alert } from '../../src/alerts/alert';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { homeViewViolations } from '../../src/slack/home-view';
import { MODALS } from '../../src/slack/modals';
import { T0, openAlert } from '../helpers/alerts';
import { freezeClock } from '../helpers/clock';
import { sentView } from '../helpers/slack-api';
import { appHomeOpened, eventCallback, homeButtonClick, JSON_REQUEST, slashCommand, viewSubmission } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

/**
 * The Home tab through the signed Lambda handler: Slack's app_home_opened event publishes the
 * viewer's alerts, its buttons act with the alert listeners and republish it, and every view fits
 * Slack's limits.
 */
const NOW = T0.plus({ days: 2 });

function seeded(n: string, overrides: Partial<Alert>): Alert {
  return openAlert({ id: `AWS.CloudTrail.Test-home${n}`, dedup: `home-${n}`, title: `Home alert ${n}`, ...overrides });
}

function viewText(view: Record<string, unknown>): string {
  return (view['blocks'] as KnownBlock[]).map((block) => JSON.stringify(block)).join('\n');
}

describe('the App Home tab', () => {
  let env: SlackStack;
  const clock = freezeClock(NOW);

  async function put(alert: Alert): Promise<void> {
    await env.services.alerts.mutate(alert.id, () => alert);
  }

  async function published(user: string): Promise<Record<string, unknown>> {
    const calls = env.slack.of('views.publish').filter((call) => call.body['user_id'] === user);
    expect(calls.length).toBeGreaterThan(0);
    return sentView(calls[calls.length - 1]!);
  }

  beforeAll(async () => {
    env = await startSlackStack();
    const at = (minutes: number): string => NOW.minus({ minutes }).toISO()!;
    await put(seeded('assigned', { team: 'payments', severity: 'CRITICAL', assignee: 'UPAYDEV', lastSeen: at(5), updatedAt: at(5) }));
    await put(seeded('team-high', { team: 'payments', severity: 'HIGH', lastSeen: at(10), updatedAt: at(10) }));
    await put(
      seeded('team-acked', {
        team: 'payments',
        severity: 'LOW',
        status: 'ACKNOWLEDGED',
        acknowledgedBy: 'UPAYDEV',
        acknowledgedAt: at(20),
        lastSeen: at(30),
        updatedAt: at(20),
      }),
    );
    await put(seeded('other-team', { severity: 'CRITICAL', lastSeen: at(3), updatedAt: at(3) }));
    await put(
      seeded('resolved', {
        team: 'payments',
        status: 'RESOLVED',
        resolvedBy: 'UPAYDEV',
        resolvedAt: at(60),
        resolution: { reason: 'benign' },
        lastSeen: at(90),
        updatedAt: at(60),
      }),
    );
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  it('answers Slack’s url_verification challenge on the signed endpoint', async () => {
    const response = await env.send(JSON.stringify({ token: 'legacy-token-unused', challenge: 'c-123', type: 'url_verification' }), JSON_REQUEST);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ challenge: 'c-123' });
  });

  it('refuses an event whose signature does not verify, and publishes nothing', async () => {
    const before = env.slack.of('views.publish').length;
    const response = await env.send(appHomeOpened('UPAYDEV'), { ...JSON_REQUEST, secret: 'not-the-secret' });
    expect(response.statusCode).toBe(401);
    expect(env.slack.of('views.publish')).toHaveLength(before);
  });

  it('publishes the viewer’s Home on open: assigned to them, their team’s open alerts by severity, recently resolved', async () => {
    const response = await env.send(appHomeOpened('UPAYDEV'), JSON_REQUEST);
    expect(response.statusCode).toBe(200);
    const view = await published('UPAYDEV');
    expect(view['type']).toBe('home');
    expect(homeViewViolations(view as never)).toEqual([]);
    const text = viewText(view);
    expect(text).toContain('Assigned to you (1)');
    expect(text).toContain('Home alert assigned');
    expect(text).toContain('Open alerts of your teams (payments)');
    expect(text).toContain('3 open or acknowledged:');
    expect(text).toContain('Home alert team-high');
    expect(text).toContain('acknowledged by <@UPAYDEV>');
    expect(text).not.toContain('Home alert other-team');
    expect(text).toContain('Recently resolved (1)');
    expect(text).toContain('Home alert resolved');
    // The same action ids as the alert message, so the alert listeners serve the tab too.
    const actions = (view['blocks'] as KnownBlock[]).filter((block) => block.type === 'actions');
    expect(actions.length).toBe(4);
    expect(JSON.stringify(actions)).toContain(ALERT_ACTIONS.acknowledge);
    expect(JSON.stringify(actions)).toContain(ALERT_ACTIONS.unacknowledge);
    expect(JSON.stringify(actions)).toContain(ALERT_ACTIONS.resolve);
    expect(JSON.stringify(actions)).toContain(ALERT_ACTIONS.suppress);
  });

  it('shows a global responder in no team every team’s open alerts', async () => {
    await env.send(appHomeOpened('URESPONDER'), JSON_REQUEST);
    const text = viewText(await published('URESPONDER'));
    expect(text).toContain('Open alerts of every team');
    expect(text).toContain('Home alert other-team');
    expect(text).toContain('Assigned to you (0)');
  });

  it('ignores events for the Messages tab', async () => {
    const before = env.slack.of('views.publish').length;
    await env.send(
      eventCallback({ type: 'app_home_opened', user: 'UPAYDEV', channel: 'D0PROWL', tab: 'messages', event_ts: '1700000000.000200' }),
      JSON_REQUEST,
    );
    expect(env.slack.of('views.publish')).toHaveLength(before);
  });

  it('acknowledges from the Home tab with the alert’s own button, then republishes the tab as it stands', async () => {
    const response = await env.send(homeButtonClick(ALERT_ACTIONS.acknowledge, 'AWS.CloudTrail.Test-hometeam-high', 'UPAYDEV'));
    expect(response.statusCode).toBe(200);
    expect(await env.services.alerts.get('AWS.CloudTrail.Test-hometeam-high')).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'UPAYDEV' });
    const text = viewText(await published('UPAYDEV'));
    expect(text).toMatch(/Home alert team-high\*\\nHIGH · acknowledged by <@UPAYDEV>/);
    // No response URL from a Home tab: nothing is sent to one.
    expect(env.slack.of('response_url').filter((call) => call.method.includes('UPAYDEV'))).toEqual([]);
  });

  it('tells a viewer on the tab itself why a button did nothing', async () => {
    await env.send(homeButtonClick(ALERT_ACTIONS.acknowledge, 'AWS.CloudTrail.Test-homeassigned', 'UVIEWER'));
    const view = await published('UVIEWER');
    expect(viewText(view)).toContain('you need the responder role');
    expect(viewText(view)).toContain('You are not a responder of any team');
    expect((await env.services.alerts.get('AWS.CloudTrail.Test-homeassigned'))?.status).toBe('OPEN');
  });

  it('renders the same tab as text for /prowl home, with commands for buttons', async () => {
    await env.send(slashCommand('home', 'UPAYDEV'));
    const reply = lastReply(env.slack);
    expect(reply).toContain('*Assigned to you (1)*');
    expect(reply).toContain('[CRITICAL] Home alert assigned — open — `/prowl ack AWS.CloudTrail.Test-homeassigned');
    expect(reply).toContain('Home tab');
  });

  it('stays within Slack’s limits with many alerts, counting what it cannot show', async () => {
    for (let i = 0; i < 40; i++)
      await put(
        seeded(`bulk-${i}`, {
          team: 'payments',
          severity: 'MEDIUM',
          title: `Bulk ${i} ${'<!channel> '.repeat(400)}`,
          lastSeen: NOW.minus({ hours: 1, minutes: i }).toISO()!,
        }),
      );
    await env.send(appHomeOpened('UPAYDEV'), JSON_REQUEST);
    const view = await published('UPAYDEV');
    expect(homeViewViolations(view as never)).toEqual([]);
    expect((view['blocks'] as KnownBlock[]).length).toBeLessThanOrEqual(100);
    expect(viewText(view)).toContain('43 open or acknowledged');
    expect(viewText(view)).toContain('…and 28 more');
    expect(viewText(view)).not.toContain('<!channel>');
  });

  it('resolves from the Home tab through the resolve modal, then republishes the tab', async () => {
    await env.send(homeButtonClick(ALERT_ACTIONS.resolve, 'AWS.CloudTrail.Test-homeassigned', 'UPAYDEV'));
    const modal = sentView(env.slack.of('views.open').at(-1)!);
    expect(modal).toMatchObject({ callback_id: MODALS.resolve, private_metadata: 'AWS.CloudTrail.Test-homeassigned|home' });
    const publishedBefore = env.slack.of('views.publish').length;
    const submit = await env.send(
      viewSubmission(
        MODALS.resolve,
        String(modal['private_metadata']),
        { reason: { reason: { type: 'static_select', selected_option: { value: 'benign' } } } },
        'UPAYDEV',
      ),
    );
    expect(submit.statusCode).toBe(200);
    expect(await env.services.alerts.get('AWS.CloudTrail.Test-homeassigned')).toMatchObject({ status: 'RESOLVED', resolvedBy: 'UPAYDEV' });
    expect(env.slack.of('views.publish')).toHaveLength(publishedBefore + 1);
    const text = viewText(await published('UPAYDEV'));
    expect(text).toContain('Assigned to you (0)');
    expect(text).toContain('Recently resolved (2)');
    expect(text).toContain('42 open or acknowledged');
  });
});
