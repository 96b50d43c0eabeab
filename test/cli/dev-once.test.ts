import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudTrailEvent, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { makeWorkspace, workspaceArgs } from '../helpers/prowl-process';
import { runProwl } from '../helpers/run-cli';

describe('npm start -- --once', () => {
  it('boots the stack, processes the samples, prints the root login alert and exits 0', async () => {
    // Its own copy of the config and samples, its own inbox and data: what a user keeps in the
    // repository's inbox/ and .prowl/ must not change what a test sees.
    const args = ['dev', '--once', ...workspaceArgs(makeWorkspace())];
    const env = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' };
    const first = await runProwl(args, { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('#security-alerts · new message');
    expect(first.stdout).toContain('ROOT CONSOLE LOGIN TO ACCOUNT 123456789012 FROM 203.0.113.50');
    expect(first.stdout).toContain('[Acknowledge] [Resolve] [Suppress…] [Show events]');
    expect(first.stdout).toMatch(/5 open alert\(s\):\n/);
    expect(first.stdout).toMatch(
      / {2}\[HIGH\] Root console login to account 123456789012 from 203.0.113.50 — AWS\.CloudTrail\.RootConsoleLogin-[0-9a-f]{16} \(1 event\)/,
    );

    // The data persists: a second run recognises the same objects and does not count them again.
    const second = await runProwl(args, { env });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('new message');
    expect(second.stdout).toMatch(/5 open alert\(s\):\n/);
    expect(second.stdout).not.toMatch(/\(2 events\)/);
  });

  it('takes an inbox file larger than one request body (multipart) and prints its alert', async () => {
    const workspace = makeWorkspace();
    // ~12 MiB of plain CloudTrail JSON: above the 11 MiB the emulator accepts in one request.
    const padding = 'x'.repeat(1400);
    const records = Array.from({ length: 8500 }, (_, i) =>
      cloudTrailEvent({ eventName: 'DescribeInstances', eventID: `bulk-${i}`, userAgent: `aws-cli/2.15.0 ${padding}` }),
    );
    records.push(rootConsoleLogin({ eventID: 'bulk-login', sourceIPAddress: '192.0.2.12' }));
    const body = JSON.stringify({ Records: records });
    expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
    writeFileSync(join(workspace.inbox, 'large.json'), body);

    const result = await runProwl(['dev', '--once', ...workspaceArgs(workspace)], { env: { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }, timeoutMs: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Loaded 2 sample file(s) and 1 inbox file(s).');
    expect(result.stdout).toMatch(/\[HIGH\] Root console login to account 123456789012 from 192\.0\.2\.12/);
  }, 150_000);

  it('refuses half a Slack setup instead of quietly using the terminal', async () => {
    const result = await runProwl(['dev', '--once', '--data', mkdtempSync(join(tmpdir(), 'prowl-dev-'))], {
      env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: '' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Socket Mode needs both SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…); only SLACK_BOT_TOKEN is set');
  });
});
