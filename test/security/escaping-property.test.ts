import type { KnownBlock, ModalView } from '@slack/types';
import fc from 'fast-check';
import { CONFIRMATION_STATUSES, type Alert, type EscalationReason } from '../../src/alerts/alert';
import type { StormGroup } from '../../src/alerts/storm';
import { confirmationClosed, confirmationNote, confirmationRequest, escalationElsewhere, escalationMessage } from '../../src/slack/confirmation-message';
import { alertContextMessage, alertMessage, assignedMessage, moreMatchesMessage } from '../../src/slack/alert-message';
import { stormGroupMessage, stormItemsMessage, stormListMessage, timelineMessage } from '../../src/slack/storm-message';
import { limitViolations, type SlackMessage } from '../../src/slack/message';
import { resolveModal, suppressModal } from '../../src/slack/modals';
import { renderText } from '../../src/slack/render-text';
import { scanSummaryMessage, searchFailedMessage, searchResultMessage } from '../../src/slack/search-message';
import type { ChannelDigest } from '../../src/alerts/digest';
import type { HomeOverview } from '../../src/alerts/home';
import { digestMessage } from '../../src/slack/digest-message';
import { homeText, homeView, homeViewViolations } from '../../src/slack/home-view';
import { plain } from '../../src/slack/render-text';
import { normalizedCloudTrail, openAlert } from '../helpers/alerts';

/** Pieces an attacker would put in a log field or a command, mixed with arbitrary text. */
const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<@U0ADMIN>',
  '<#C0SECRET>',
  '<https://evil.example|Your session expired>',
  '<http://x>',
  '```',
  '`',
  '\n*Status* Resolved\n',
  '\r\n',
  '\u2028',
  '\u001b[2J',
  '\u0007',
  '\u202e',
  '&lt;!channel&gt;',
  '&',
  '*',
  '_',
  '~',
  ':skull: ',
];
const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }));
const hostileText = fc.oneof(
  { weight: 9, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('').padEnd(10_000, '<!channel>\n')) },
);

const UNESCAPED = /<[!@#]|<https?:/;
// Control characters other than the line feeds Prowl writes itself (and tabs, which are harmless).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileAlert(text: string[], kind: Alert['kind'] = 'rule'): Alert {
  const [title = '', region = '', actor = '', userAgent = '', dedup = '', ip = '', resourceId = '', extra = ''] = text;
  // Set after parsing: the schema would refuse some of these, and a builder must cope with any value.
  const sample = {
    ...normalizedCloudTrail(),
    awsRegion: region,
    userAgent,
    sourceIPAddress: ip,
    eventName: title,
    p_any_usernames: [actor],
    p_any_ip_addresses: [ip],
    p_any_aws_account_ids: [extra],
  };
  return openAlert({
    kind,
    title,
    dedup,
    context: { userAgent, [extra]: actor },
    samples: [sample],
    latestSample: sample,
    acknowledgedBy: 'UTRIAGER',
    ...(kind === 'policy' ? { resource: { ResourceType: extra, ResourceId: resourceId, AccountId: ip, Region: region, summary: { [title]: userAgent } } } : {}),
  });
}

/** Every mrkdwn and plain text of a message or a modal, with where it came from. */
function texts(blocks: KnownBlock[]): Array<{ kind: 'header' | 'field' | 'text'; text: string }> {
  const found: Array<{ kind: 'header' | 'field' | 'text'; text: string }> = [];
  for (const block of blocks) {
    if (block.type === 'header') found.push({ kind: 'header', text: block.text.text });
    if (block.type === 'section') {
      if (block.text) found.push({ kind: 'text', text: block.text.text });
      for (const field of block.fields ?? []) found.push({ kind: 'field', text: field.text });
    }
    if (block.type === 'context') for (const element of block.elements) if ('text' in element) found.push({ kind: 'text', text: element.text });
  }
  return found;
}

const T0_ISO = '2026-11-22T10:00:00.000Z';

const lineCount = (text: string): number => text.split(/[\n\u2028\u2029]/).length;

/** `message` built from hostile text; `baseline` by the same builder from harmless text: input must add no line. */
/**
 * `mentioned`: ids Prowl was configured to mention (an escalation's notify list), which may be drawn
 * from the random input; when one has a Slack id's shape, its mention is Prowl's own, not injected.
 */
function expectSafeMessage(message: SlackMessage, baseline: SlackMessage, mentioned: readonly string[] = []): void {
  expect(limitViolations(message)).toEqual([]);
  // Headers are plain_text, which Slack never parses for mentions or links; every other text is mrkdwn.
  const mrkdwnTexts = [
    message.text,
    ...texts(message.blocks)
      .filter((t) => t.kind !== 'header')
      .map((t) => t.text),
  ];
  for (const text of texts(message.blocks).filter((t) => t.kind === 'header')) expect(text.text).not.toMatch(CONTROL);
  for (const text of mrkdwnTexts) {
    // The only mention allowed is the one Prowl writes for a Slack user id it was given.
    const configured = mentioned.filter((id) => /^[A-Z][A-Z0-9]+$/.test(id)).flatMap((id) => [`<@${id}>`, `<!subteam^${id}>`]);
    const own = configured.reduce((rest, mention) => rest.split(mention).join(''), text);
    expect(own.replace(/<@UTRIAGER>|<@UASKER>|<!subteam\^S0ONCALL>|<#C0ALERTS>/g, '')).not.toMatch(UNESCAPED);
    expect(text).not.toMatch(CONTROL);
  }
  // No input line break starts a line of its own: every text has as many lines as with harmless input.
  expect(lineCount(message.text)).toBe(lineCount(baseline.text));
  const found = texts(message.blocks);
  const expected = texts(baseline.blocks);
  expect(found.map((t) => t.kind)).toEqual(expected.map((t) => t.kind));
  found.forEach((t, i) => expect(lineCount(t.text)).toBeLessThanOrEqual(lineCount(expected[i]!.text)));
  const rendered = renderText(message);
  expect(rendered).not.toMatch(CONTROL);
}

function expectSafeModal(view: ModalView): void {
  const blocks = view.blocks as KnownBlock[];
  expect(blocks.length).toBeLessThanOrEqual(100);
  // Sections and context elements are mrkdwn here; options and labels are plain_text, which Slack does not parse.
  for (const { text } of texts(blocks)) {
    expect(text).not.toMatch(UNESCAPED);
    expect(text).not.toMatch(CONTROL);
    expect(text.length).toBeLessThanOrEqual(3000);
  }
  for (const block of blocks) {
    if (block.type !== 'input') continue;
    const options = 'options' in block.element ? (block.element.options as Array<{ text: { text: string }; value?: string }>) : [];
    for (const option of options) {
      expect(option.text.text.length).toBeLessThanOrEqual(75);
      expect(option.text.text).not.toMatch(/[\n\u2028\u2029]/);
      expect((option.value ?? '').length).toBeLessThanOrEqual(150);
    }
  }
}

describe('every Block Kit builder and the terminal renderer, fed hostile text', () => {
  const eight = fc.array(hostileText, { minLength: 8, maxLength: 8 });

  const harmless = Array.from({ length: 8 }, (_, i) => `value${i}`);

  it('alert messages and thread replies escape mentions, links, code fences, line breaks and control characters', () => {
    fc.assert(
      fc.property(eight, fc.constantFrom<Alert['kind']>('rule', 'policy'), fc.nat({ max: 500 }), (text, kind, added) => {
        const resolved = (alert: Alert, by: string): Alert => ({
          ...alert,
          status: 'RESOLVED',
          resolvedBy: by,
          resolvedAt: alert.lastSeen,
          resolution: { reason: 'benign' },
        });
        const alert = hostileAlert(text, kind);
        const plainAlert = hostileAlert(harmless, kind);
        expectSafeMessage(alertMessage(alert), alertMessage(plainAlert));
        expectSafeMessage(alertMessage(resolved(alert, text[3]!)), alertMessage(resolved(plainAlert, harmless[3]!)));
        expectSafeMessage(moreMatchesMessage(alert, added), moreMatchesMessage(plainAlert, added));
        // An owner and a channel that are not Slack ids (the terminal's, or anything stored) are text.
        const assigned = (a: Alert, who: string): Alert => ({
          ...a,
          number: added,
          assignee: who,
          assignedBy: who,
          assignedAt: a.lastSeen,
          slack: { channel: who, ts: '1700000000.000100', claimedAt: a.lastSeen },
        });
        expectSafeMessage(alertMessage(assigned(alert, text[3]!)), alertMessage(assigned(plainAlert, harmless[3]!)));
        expectSafeMessage(assignedMessage(assigned(alert, text[3]!)), assignedMessage(assigned(plainAlert, harmless[3]!)));
      }),
      { numRuns: 300 },
    );
  });

  it('storm messages, thread listings, timeline entries and the full context escape what the alerts carry', () => {
    const group = (t: string[], size: number): StormGroup => ({
      id: 'storm-0123',
      rule: t[0]!,
      title: t[1]!,
      severity: 'HIGH',
      channel: '#security-alerts',
      windowStart: '2026-11-22T10:00:00.000Z',
      windowEnd: '2026-11-22T10:05:00.000Z',
      threshold: 10,
      windowMinutes: 5,
      alertIds: Array.from({ length: size }, (_, i) => `${t[2]!}-${i}`),
      threaded: [],
      topActors: [
        [t[3]!, 7],
        [t[4]!, 2],
      ],
      topAccounts: [[t[5]!, 9]],
      timeline: [],
      bulk: {
        acknowledgedBy: 'UTRIAGER',
        acknowledgedAt: '2026-11-22T10:06:00.000Z',
        acknowledged: size,
        suppressionId: t[6]!,
        suppressedBy: 'UTRIAGER',
        suppressedUntil: '2026-11-22T11:06:00.000Z',
      },
      expiresAt: 0,
    });
    fc.assert(
      fc.property(eight, fc.integer({ min: 1, max: 2000 }), (text, size) => {
        const alerts = Array.from({ length: 25 }, () => hostileAlert(text));
        const plainAlerts = Array.from({ length: 25 }, () => hostileAlert(harmless));
        expectSafeMessage(stormGroupMessage(group(text, size)), stormGroupMessage(group(harmless, size)));
        expectSafeMessage(stormItemsMessage(alerts, 1, size), stormItemsMessage(plainAlerts, 1, size));
        const entry = (t: string) => ({ id: 'e1', kind: 'note' as const, actor: 'UTRIAGER', at: '2026-11-22T10:06:00.000Z', text: `note: ${t}` });
        expectSafeMessage(timelineMessage(entry(text[7]!)), timelineMessage(entry(harmless[7]!)));
        expect(limitViolations(stormListMessage(group(text, size), alerts))).toEqual([]);
        expect(limitViolations(alertContextMessage(hostileAlert(text)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('"was this you?" DMs, thread notes and escalations escape the event, the principal, the reason and the title', () => {
    const reasons: EscalationReason[] = ['unacknowledged', 'denied', 'unanswered'];
    fc.assert(
      fc.property(eight, fc.constantFrom(...CONFIRMATION_STATUSES), fc.constantFrom(...reasons), (text, status, reason) => {
        const asked = (t: string[]): Alert => ({
          ...hostileAlert(t),
          slack: { channel: 'C0ALERTS', ts: '1700000000.000001', claimedAt: T0_ISO },
          followUp: { plannedAt: T0_ISO },
          confirmation: { principal: t[2]!, userId: 'UASKER', status, resolveOnYes: true, deadline: T0_ISO, reason: t[7]! },
        });
        const alert = asked(text);
        const plain = asked(harmless);
        const escalation = (t: string[]) => ({ reason, at: T0_ISO, notify: ['S0ONCALL', 'UTRIAGER', t[5]!], alsoChannel: '#oncall' });
        expectSafeMessage(confirmationRequest(alert, alert.confirmation!, 15), confirmationRequest(plain, plain.confirmation!, 15));
        expectSafeMessage(confirmationClosed(alert, alert.confirmation!), confirmationClosed(plain, plain.confirmation!));
        expectSafeMessage(confirmationNote(alert, alert.confirmation!), confirmationNote(plain, plain.confirmation!));
        expectSafeMessage(escalationMessage(alert, escalation(text)), escalationMessage(plain, escalation(harmless)), [text[5]!]);
        expectSafeMessage(escalationElsewhere(alert, escalation(text)), escalationElsewhere(plain, escalation(harmless)), [text[5]!]);
      }),
      { numRuns: 300 },
    );
  });

  it('modals escape the alert title, key and condition values', () => {
    fc.assert(
      fc.property(eight, (text) => {
        const alert = hostileAlert(text);
        expectSafeModal(resolveModal(alert));
        expectSafeModal(suppressModal(alert, { dedup: { caught: 1, of: 2 }, rule: { caught: 3, of: 4 } }));
      }),
      { numRuns: 300 },
    );
  });

  it('search results, search failures and scan summaries escape the query, the cells and the problem', () => {
    fc.assert(
      fc.property(eight, (text) => {
        const result = (t: string[]) => ({
          columns: [t[0]!, 'b'],
          rows: [
            [t[1]!, t[2]!],
            [t[3]!, null],
          ],
          rowCount: 2,
          truncated: false,
          bytesScanned: 0,
          elapsedMs: 3,
        });
        const h = harmless;
        expectSafeMessage(searchResultMessage(text[4]!, 'UASKER', result(text), 'Search'), searchResultMessage(h[4]!, 'UASKER', result(h), 'Search'));
        expectSafeMessage(searchResultMessage(text[4]!, text[5]!, result(text), 'SQL'), searchResultMessage(h[4]!, h[5]!, result(h), 'SQL'));
        expectSafeMessage(searchFailedMessage(text[4]!, text[5]!, text[6]!), searchFailedMessage(h[4]!, h[5]!, h[6]!));
        const outcome = (t: string[]) => ({ opened: [t[0]!], resolved: [], stillFailing: [], suppressed: 0, policyErrors: 0, collectionErrors: 0 });
        expectSafeMessage(scanSummaryMessage(text[7]!, text[5]!, outcome(text)), scanSummaryMessage(h[7]!, h[5]!, outcome(h)));
      }),
      { numRuns: 300 },
    );
  });

  it('the terminal renderer drops control characters even from text no builder escaped', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (header, body) => {
        const rendered = renderText({
          text: body,
          blocks: [
            { type: 'header', text: { type: 'plain_text', text: header } },
            { type: 'section', text: { type: 'mrkdwn', text: body }, fields: [{ type: 'mrkdwn', text: `*x*\n${body}` }] },
            { type: 'context', elements: [{ type: 'mrkdwn', text: body }] },
          ],
        });
        expect(rendered).not.toMatch(CONTROL);
      }),
      { numRuns: 300 },
    );
  });

  it('the Home tab (view and text) and the daily digest escape titles, ids, assignees, team names, rule ids and suppressions', () => {
    const overview = (t: string[]): HomeOverview => {
      const alerts = [hostileAlert(t), { ...hostileAlert(t), status: 'ACKNOWLEDGED' as const, assignee: t[3]! }];
      const resolved = {
        ...hostileAlert(t),
        id: t[6]!,
        status: 'RESOLVED' as const,
        resolvedBy: t[2]!,
        resolvedAt: alerts[0]!.lastSeen,
        resolution: { reason: 'benign' as const },
      };
      return {
        userId: 'UTRIAGER',
        assigned: alerts,
        scope: { kind: 'teams', teams: [t[4]!, t[5]!] },
        open: alerts,
        resolved: [resolved],
        complete: false,
        at: alerts[0]!.lastSeen,
      };
    };
    const digest = (t: string[]): ChannelDigest => ({
      channel: '#c',
      teams: [t[4]!],
      day: '2026-11-22',
      since: '2026-11-21T10:00:00.000Z',
      until: '2026-11-22T10:00:00.000Z',
      open: 1,
      openBySeverity: { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 1, CRITICAL: 0 },
      oldestOpen: [hostileAlert(t)],
      acknowledged: 0,
      resolved: 0,
      noisyRules: [{ ruleId: t[5]!, alerts: 1, matches: 2 }],
      expiringSuppressions: [
        {
          id: t[6]!,
          ruleId: t[7]!,
          conditions: [],
          expiresAt: '2026-11-23T00:00:00.000Z',
          reason: t[0]!,
          createdBy: t[1]!,
          createdAt: '',
          suppressedCount: 0,
          recentBatches: [],
          version: 1,
        },
      ],
      complete: false,
    });
    fc.assert(
      fc.property(eight, (text) => {
        const view = homeView(overview(text), { text: 'notice' });
        const baseline = homeView(overview(harmless), { text: 'notice' });
        expect(homeViewViolations(view)).toEqual([]);
        const found = texts(view.blocks as KnownBlock[]);
        const expected = texts(baseline.blocks as KnownBlock[]);
        expect(found.map((t) => t.kind)).toEqual(expected.map((t) => t.kind));
        found.forEach((t, i) => {
          expect(t.text).not.toMatch(CONTROL);
          if (t.kind !== 'header') expect(t.text.replace(/<@UTRIAGER>/g, '')).not.toMatch(UNESCAPED);
          expect(lineCount(t.text)).toBeLessThanOrEqual(lineCount(expected[i]!.text));
        });
        const asText = homeText(overview(text));
        expect(asText.replace(/<@UTRIAGER>/g, '')).not.toMatch(UNESCAPED);
        expect(lineCount(asText)).toBe(lineCount(homeText(overview(harmless))));
        expect(plain(asText)).not.toMatch(CONTROL);
        expectSafeMessage(digestMessage(digest(text)), digestMessage(digest(harmless)));
      }),
      { numRuns: 200 },
    );
  });
});
