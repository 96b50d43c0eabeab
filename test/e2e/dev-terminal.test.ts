import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rootConsoleLogin } from '../helpers/cloudtrail-files';
import { makeWorkspace, ProwlProcess, workspaceArgs, type Workspace } from '../helpers/prowl-process';

const ALERT_ID = /AWS\.CloudTrail\.TrailStopped-[0-9a-f]{16}/;

/**
 * `npm start` as a person runs it: the real binary in a child process, typed at through its
 * prompt. It works in a workspace of its own, so nothing in the repository's inbox/ or .prowl/
 * changes what it sees.
 */
describe('prowl dev at the terminal', () => {
  let workspace: Workspace;
  let prowl: ProwlProcess;

  beforeAll(async () => {
    workspace = makeWorkspace();
    prowl = new ProwlProcess(['dev', ...workspaceArgs(workspace)]);
    await prowl.waitFor(/Prowl is running/, 0, 60_000);
  }, 90_000);
  afterAll(() => prowl.kill());

  it('answers every command a responder and an admin type, then exits 0 on quit and end of input', async () => {
    expect(await prowl.type('/prowl help', /\/prowl ack <alert-id> — acknowledge an open alert/)).toContain('/prowl search <log-type|any>');

    // The samples' alerts are there once the queues have drained.
    const listed = await prowl.type('/prowl alerts', ALERT_ID, 60_000);
    const alertId = ALERT_ID.exec(listed)![0];
    // Each alert's message is headed by its short number, and commands take it in place of the id.
    const posted = new RegExp(`│ #(\\d+) [^\\n]*\\n(?:│[^\\n]*\\n)*?│ Alert ${alertId.replace(/\./g, '\\.')} `);
    const number = posted.exec(await prowl.waitFor(posted, 0, 60_000))![1];

    expect(await prowl.type(`/prowl ack #${number}`, /Acknowledged/)).toContain(alertId);

    const taken = await prowl.type(`/prowl assign #${number} me`, /message updated[\s\S]*assigned to local[\s\S]*└─/);
    expect(taken).toContain(`${alertId} is assigned to local`);
    expect(taken).toContain(`Assign: /prowl assign #${number} me`);
    expect(await prowl.type('/prowl alerts acked mine', /#\d+ \[/)).toContain(alertId);
    const handed = await prowl.type(`/prowl assign ${number} <@U0TEAMMATE|sam>`, /→ DM to U0TEAMMATE[\s\S]*└─/);
    expect(handed).toMatch(new RegExp(`#${number} [^\\n]* was assigned to you by local`));
    const noted = await prowl.type(`/prowl note #${number} checked with the trail owner`, /reply[\s\S]*checked with the trail owner[\s\S]*└─/);
    expect(noted).toContain('Noted on');

    // The Home tab as text: the acknowledged alert among the open ones, its buttons as commands.
    const home = await prowl.type('/prowl home', /Recently resolved \(\d+\)[\s\S]*Home tab/);
    expect(home).toContain('Assigned to you (0)');
    expect(home).toContain(`acknowledged by local — /prowl unack #${number} · /prowl resolve #${number}`);

    const stats = await prowl.type('/prowl stats 30d', /Mean time to resolve/);
    expect(stats).toMatch(/Alert stats for all teams, last 30d/);
    expect(stats).toMatch(/Opened: [1-9]\d* · acknowledged: [1-9]\d* · resolved: \d+ · still open: \d+/);
    expect(stats).toMatch(/Mean time to acknowledge: \d+ (s|min) \(over [1-9]\d*\)/);

    // The scheduled digest on demand: each channel's message, then where it went, in the terminal.
    const digest = await prowl.type('/prowl digest', /Digest posted to [^\n]*already posted today: none\./, 60_000);
    expect(digest).toMatch(/#security-alerts · new message\n│ PROWL DAILY DIGEST — \d{4}-\d{2}-\d{2}/);
    expect(digest).toContain('Acknowledged: 1');

    const search = await prowl.type('/prowl search AWS.CloudTrail eventName=StopLogging since 2026-11-22 until 2026-11-23', /\d+ rows? ·/, 60_000);
    expect(search).toContain('StopLogging');
    expect(search).toMatch(/1 row ·/);

    const events = await prowl.type(`/prowl events ${alertId}`, /\d+ rows? ·/, 60_000);
    expect(events).toContain('StopLogging');
    expect(events).not.toMatch(/ 0 rows ·/);

    const sql = await prowl.type('/prowl sql SELECT count(*) AS events FROM aws_cloudtrail', /\d+ rows? ·/, 60_000);
    expect(sql).toMatch(/\b12\b/);

    const suppressed = await prowl.type(
      '/prowl suppress AWS.CloudTrail.TrailStopped sourceIPAddress=198.51.100.77 for 7d reason "red-team exercise"',
      /suppress/i,
    );
    expect(suppressed).toMatch(/Suppress/i);
    expect(await prowl.type('/prowl suppressions', /red-team exercise/)).toContain('AWS.CloudTrail.TrailStopped');

    expect(await prowl.type('/prowl rules disable AWS.CloudTrail.RootConsoleLogin planned maintenance', /disabled/i)).toContain(
      'AWS.CloudTrail.RootConsoleLogin',
    );
    expect(await prowl.type('/prowl rules enable AWS.CloudTrail.RootConsoleLogin', /enabled/i)).toContain('AWS.CloudTrail.RootConsoleLogin');

    expect(await prowl.type(`/prowl audit ${alertId}`, /acknowledge/)).toContain('local');

    const started = performance.now();
    expect(await prowl.quit()).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(prowl.stderr).toBe('');
  }, 240_000);
});

describe('prowl dev and its inbox', () => {
  it('ingests a file dropped into the inbox while it runs and shows its alert', async () => {
    const workspace = makeWorkspace();
    const prowl = new ProwlProcess(['dev', ...workspaceArgs(workspace)]);
    try {
      await prowl.waitFor(/Prowl is running/, 0, 60_000);
      const from = prowl.stdout.length;
      const login = rootConsoleLogin({ eventID: 'inbox-dropped-login', sourceIPAddress: '192.0.2.99' });
      writeFileSync(join(workspace.inbox, 'dropped.json.gz'), gzipSync(JSON.stringify({ Records: [login] })));
      const shown = await prowl.waitFor(/ROOT CONSOLE LOGIN TO ACCOUNT 123456789012 FROM 192\.0\.2\.99[\s\S]*└─/, from, 60_000);
      expect(shown).toContain('inbox: picked up dropped.json.gz');
      expect(await prowl.quit()).toBe(0);
    } finally {
      prowl.kill();
    }
  }, 180_000);
});
