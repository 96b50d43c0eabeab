import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayCommand } from '../../src/cli/replay-command';
import { cloudTrailEvent, cloudTrailFile, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { captureIO, ROOT } from '../helpers/run-cli';

describe('prowl replay', () => {
  it('prints the alerts the samples would raise, as JSON lines with the documented keys', async () => {
    const io = captureIO();
    expect(await replayCommand([join(ROOT, 'samples'), '--format', 'json'], io)).toBe(0);
    const alerts = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(alerts).toContainEqual(
      expect.objectContaining({
        ruleId: 'AWS.CloudTrail.RootConsoleLogin',
        title: 'Root console login to account 123456789012 from 203.0.113.50',
        severity: 'HIGH',
        dedup: '123456789012:203.0.113.50',
        count: 1,
        tags: expect.arrayContaining(['TA0004:T1078.004']),
      }),
    );
  });

  it('folds repeated matches within the dedup window into one alert with a count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    const logins = [0, 10, 20].map((minute, i) => rootConsoleLogin({ eventID: `r${i}`, eventTime: `2026-11-22T10:${String(minute).padStart(2, '0')}:00Z` }));
    const laterLogin = rootConsoleLogin({ eventID: 'late', eventTime: '2026-11-22T12:00:00Z' });
    writeFileSync(join(dir, 'a.json.gz'), cloudTrailFile([...logins, cloudTrailEvent()]));
    writeFileSync(join(dir, 'b.json.gz'), cloudTrailFile([laterLogin]));
    const io = captureIO();
    await replayCommand([dir, '--format', 'json'], io);
    const counts = io
      .out()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { count: number }).count);
    expect(counts).toEqual([3, 1]);
  });

  it("prints each rule's alerts, matches and share of events on stderr, noisiest first", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    const logins = [0, 10, 20].map((minute, i) => rootConsoleLogin({ eventID: `r${i}`, eventTime: `2026-11-22T10:${String(minute).padStart(2, '0')}:00Z` }));
    const laterLogin = rootConsoleLogin({ eventID: 'late', eventTime: '2026-11-22T12:00:00Z' });
    // Two failed sign-ins: matches of a rule whose threshold (5) is never reached.
    const failures = [1, 2].map((i) =>
      cloudTrailEvent({
        eventID: `f${i}`,
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        responseElements: { ConsoleLogin: 'Failure' },
        additionalEventData: { MFAUsed: 'No' },
      }),
    );
    writeFileSync(join(dir, 'a.json.gz'), cloudTrailFile([...logins, laterLogin, ...failures, cloudTrailEvent({ eventID: 'plain' })]));
    const io = captureIO();
    await replayCommand([dir, '--format', 'json'], io);

    const table = io.err().split('\n');
    const header = table.indexOf('Alerts per rule over 7 event(s):');
    expect(header).toBeGreaterThanOrEqual(0);
    const rows = table
      .slice(header + 2)
      .filter((line) => /^\s+\d/.test(line))
      .map((line) => line.trim().split(/\s+/));
    expect(rows).toEqual([
      ['2', '4', '57.1%', 'AWS.CloudTrail.RootConsoleLogin'],
      ['0', '2', '28.6%', 'AWS.CloudTrail.ConsoleLoginFailures'],
    ]);
    // The table goes to stderr: stdout stays one JSON alert per line.
    expect(
      io
        .out()
        .trim()
        .split('\n')
        .every((line) => line.startsWith('{')),
    ).toBe(true);
  });

  it('says so when no rule matched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    writeFileSync(join(dir, 'quiet.json.gz'), cloudTrailFile([cloudTrailEvent()]));
    const io = captureIO();
    await replayCommand([dir], io);
    expect(io.err()).toContain('No rule matched any of 1 event(s).');
  });

  it('reports quarantined records on stderr and carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    writeFileSync(join(dir, 'mixed.jsonl'), `${JSON.stringify(rootConsoleLogin())}\nnot json at all\n`);
    const io = captureIO();
    expect(await replayCommand([dir], io)).toBe(0);
    expect(io.err()).toMatch(/quarantined mixed.jsonl:2: not JSON/);
    expect(io.out()).toContain('[HIGH] AWS.CloudTrail.RootConsoleLogin');
  });

  it('judges events with the organisation settings of --config, and names rules running without settings once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    writeFileSync(join(dir, 'a.json.gz'), cloudTrailFile([cloudTrailEvent({ eventName: 'RunInstances', readOnly: false, awsRegion: 'us-east-1' })]));
    const io = captureIO();
    expect(await replayCommand([dir, '--config', join(ROOT, 'test', 'fixtures', 'prowl.detections.config.yml')], io)).toBe(0);
    expect(io.out()).toContain('AWS.CloudTrail.UnapprovedRegionActivity');
    expect(io.err().match(/detections\.bedrockPrincipals is empty; used by AWS\.CloudTrail\.BedrockUnexpectedPrincipal/g)).toHaveLength(1);
    expect(io.err()).not.toContain('detections.approvedRegions is empty');
  });

  it('counts distinct values for rules that do, so repeated reads of one secret stay quiet and a sweep fires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    const read = (i: number, secretId: string): ReturnType<typeof cloudTrailEvent> =>
      cloudTrailEvent({
        eventID: `s${i}`,
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'GetSecretValue',
        eventTime: `2026-11-22T10:${String(i).padStart(2, '0')}:00Z`,
        requestParameters: { secretId },
      });
    writeFileSync(join(dir, 'same.json.gz'), cloudTrailFile(Array.from({ length: 30 }, (_, i) => read(i, 'prod/db/orders'))));
    const io = captureIO();
    await replayCommand([dir, '--format', 'json'], io);
    expect(io.out()).not.toContain('SecretsBulkRead');

    writeFileSync(join(dir, 'sweep.json.gz'), cloudTrailFile(Array.from({ length: 12 }, (_, i) => read(40 + i, `prod/app-${i}`))));
    const again = captureIO();
    await replayCommand([dir, '--format', 'json'], again);
    const alerts = again
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { ruleId: string; distinctValues?: number });
    expect(alerts.find((alert) => alert.ruleId === 'AWS.CloudTrail.SecretsBulkRead')).toMatchObject({ distinctValues: 13 });
  });

  it('refuses a --config that does not exist', async () => {
    await expect(replayCommand([join(ROOT, 'samples'), '--config', '/nonexistent/prowl.config.yml'], captureIO())).rejects.toThrow(
      '--config /nonexistent/prowl.config.yml: no such file',
    );
  });

  it('explains a missing path', async () => {
    await expect(replayCommand(['/nonexistent/logs'], captureIO())).rejects.toThrow('/nonexistent/logs does not exist');
  });

  it('never prints a control character from the logs to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    writeFileSync(join(dir, 'ansi.json.gz'), cloudTrailFile([rootConsoleLogin({ sourceIPAddress: '203.0.113.9\u001b[2J\u001b]0;pwned\u0007' })]));
    const io = captureIO();
    await replayCommand([dir], io);
    expect(io.out()).toContain('Root console login to account 123456789012 from 203.0.113.9[2J]0;pwned');
    expect(io.out() + io.err()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
