import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProwl } from '../helpers/run-cli';

describe('npm start -- --once', () => {
  it('boots the stack, processes the samples, prints the root login alert and exits 0', async () => {
    const data = mkdtempSync(join(tmpdir(), 'prowl-dev-'));
    const env = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' };
    const first = await runProwl(['dev', '--once', '--data', data], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('#security-alerts · new message');
    expect(first.stdout).toContain('ROOT CONSOLE LOGIN TO ACCOUNT 123456789012 FROM 203.0.113.50');
    expect(first.stdout).toContain('[Acknowledge] [Resolve] [Suppress…] [Show events]');
    expect(first.stdout).toMatch(/5 open alert\(s\):\n/);
    expect(first.stdout).toMatch(/ {2}\[HIGH\] Root console login to account 123456789012 from 203.0.113.50 — AWS\.CloudTrail\.RootConsoleLogin-[0-9a-f]{16} \(1 event\)/);

    // The data persists: a second run recognises the same objects and does not count them again.
    const second = await runProwl(['dev', '--once', '--data', data], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('new message');
    expect(second.stdout).toMatch(/5 open alert\(s\):\n/);
    expect(second.stdout).not.toMatch(/\(2 events\)/);
  });

  it('refuses half a Slack setup instead of quietly using the terminal', async () => {
    const result = await runProwl(['dev', '--once', '--data', mkdtempSync(join(tmpdir(), 'prowl-dev-'))], { env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Socket Mode needs both SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…); only SLACK_BOT_TOKEN is set');
  });
});
