import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sigmaCommand } from '../../src/cli/sigma-command';
import { sigmaDocument } from '../detect/sigma/sigma-helpers';
import { captureIO, runProwl } from '../helpers/run-cli';

const CORPUS = '../shared/corpus/sigmahq-aws-cloudtrail';

describe('prowl sigma check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prowl-sigma-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'a.yml'),
    sigmaDocument({ selection: { eventName: 'StopLogging' }, condition: 'selection' }, { title: 'Trail Stopped', id: 'a', tags: ['attack.evasion'] }),
  );
  writeFileSync(join(dir, 'b.yml'), sigmaDocument({ selection: { eventName: 'x' }, condition: 'selection and nope' }, { title: 'Broken Condition', id: 'b' }));

  it('lists each rule as loaded or skipped with file, line and reason, and a warning for an unknown tag', async () => {
    const io = captureIO();
    expect(await sigmaCommand(['check', dir], io)).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toMatch(/^loaded {3}Sigma\.AWS\.CloudTrail\.TrailStopped {2}.*a\.yml {2}\(by Prowl tests\)$/);
    expect(lines[1]).toMatch(
      /^skipped {2}.*b\.yml:\d+ \[Broken Condition\]: detection\.condition: condition "selection and nope" names "nope", which is not a search identifier/,
    );
    expect(lines[2]).toMatch(/^warning {2}.*a\.yml:\d+ \[Trail Stopped\]: tags\[0\]: "attack\.evasion" is neither/);
    expect(io.err()).toBe('1 rule(s) loaded, 1 skipped, 1 warning(s)\n');
  });

  it('exits 1 under --strict when a rule was skipped, and prints JSON lines on request', async () => {
    const io = captureIO();
    expect(await sigmaCommand(['check', dir, '--strict', '--format', 'json'], io)).toBe(1);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['status'])).toEqual(['loaded', 'skipped', 'warning']);
    expect(lines[1]).toMatchObject({ title: 'Broken Condition', line: expect.any(Number), reason: expect.stringContaining('nope') });
  });

  it('explains its usage', async () => {
    await expect(sigmaCommand(['lint', dir], captureIO())).rejects.toThrow('Usage: prowl sigma check <dir>');
  });
});

describe('the prowl binary with SigmaHQ’s AWS CloudTrail folder', () => {
  it('sigma check --strict loads all 57 rules with none skipped', async () => {
    const { code, stdout, stderr } = await runProwl(['sigma', 'check', CORPUS, '--strict']);
    expect(stderr).toBe('57 rule(s) loaded, 0 skipped, 0 warning(s)\n');
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('loaded ')),
    ).toHaveLength(57);
  });

  it('replay --rules loads all 57 rules next to the strict bundled pack and shows the author and license with each Sigma alert', async () => {
    const { code, stdout, stderr } = await runProwl(['replay', '--rules', CORPUS, 'samples']);
    expect(code).toBe(0);
    expect(stderr).toContain(`Sigma rules from ${CORPUS}: 57 loaded, 0 skipped`);
    expect(stderr).not.toContain('skipped Sigma rule');
    expect(stdout).toMatch(/\[LOW\] Sigma\.AWS\.CloudTrail\.AWSSTSAssumeRoleMisuse — .* — by Austin Songer @austinsonger, Detection Rule License \(DRL\) 1\.1/);
  });

  it('replay --rules prints a skipped rule on stderr and still runs the others; --strict refuses instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prowl-replay-sigma-'));
    try {
      writeFileSync(join(dir, 'bad.yml'), sigmaDocument({ selection: { 'eventName|containz': 'x' }, condition: 'selection' }, { title: 'Bad', id: 'bad' }));
      writeFileSync(
        join(dir, 'good.yml'),
        sigmaDocument({ selection: { eventName: 'ConsoleLogin' }, condition: 'selection' }, { title: 'Any Console Login', id: 'good' }),
      );
      const lenient = await runProwl(['replay', '--rules', dir, 'samples']);
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toMatch(/skipped Sigma rule: .*bad\.yml:\d+: detection\.selection\.eventName\|containz: unknown modifier "containz".* \[Bad\]/);
      expect(lenient.stdout).toContain('Sigma.AWS.CloudTrail.AnyConsoleLogin');
      const strict = await runProwl(['replay', '--rules', dir, '--strict', 'samples']);
      expect(strict.code).toBe(2);
      expect(strict.stderr).toContain('unknown modifier "containz"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
