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
    const alerts = io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
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
    const counts = io.out().trim().split('\n').map((line) => (JSON.parse(line) as { count: number }).count);
    expect(counts).toEqual([3, 1]);
  });

  it('reports quarantined records on stderr and carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-'));
    writeFileSync(join(dir, 'mixed.jsonl'), `${JSON.stringify(rootConsoleLogin())}\nnot json at all\n`);
    const io = captureIO();
    expect(await replayCommand([dir], io)).toBe(0);
    expect(io.err()).toMatch(/quarantined mixed.jsonl:2: not JSON/);
    expect(io.out()).toContain('[HIGH] AWS.CloudTrail.RootConsoleLogin');
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
