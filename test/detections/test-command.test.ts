import type { Policy } from '../../src/detect/policy';
import { policies as policyPack } from '../../detections/policies';
import { Writable } from 'node:stream';
import { testCommand } from '../../src/cli/test-command';
import type { Rule } from '../../src/detect/rule';
import { cloudTrailEvent } from '../../src/detect/test-events';
import { bundledSigma } from '../helpers/bundled-pack';
import { stopLogging, stopLoggingRule } from '../helpers/stop-logging-rule';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function run(argv: string[], rules: readonly Rule[], policies: readonly Policy[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await testCommand(argv, { stdout: stdout.stream, stderr: stderr.stream }, rules, policies);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The helper's StopLogging rule, its non-matching case an event named `negativeEventName`. */
function ruleNamed(id: string, negativeEventName: string): Rule {
  return stopLoggingRule({
    id,
    tests: [
      { name: 'stop logging matches', expect: true, event: stopLogging },
      { name: `${negativeEventName} does not match`, expect: false, event: cloudTrailEvent({ eventName: negativeEventName }) },
    ],
  });
}

const good = ruleNamed('Test.CloudTrail.Good', 'DescribeInstances');
/** Its "non-matching" test event is in fact one the rule matches. */
const bad = ruleNamed('Test.CloudTrail.Bad', 'StopLogging');

describe('prowl test', () => {
  it('prints PASS per rule and a summary, and exits 0 when every test passes', async () => {
    const result = await run([], [good]);
    expect(result).toEqual({ code: 0, stdout: 'PASS Test.CloudTrail.Good\n1 passed, 0 failed (3 of 3 tests passed)\n', stderr: '' });
  });

  it('prints each failing test with its reason under the failing rule and exits 1', async () => {
    const result = await run([], [good, bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'PASS Test.CloudTrail.Good',
        'FAIL Test.CloudTrail.Bad',
        '  ✗ StopLogging does not match: expected no match, but the rule matched ("Test.CloudTrail.Bad")',
        '1 passed, 1 failed (5 of 6 tests passed)',
        '',
      ].join('\n'),
    );
  });

  it('runs only the rules whose id contains --filter, in either spelling', async () => {
    expect((await run(['--filter', 'good'], [good, bad])).code).toBe(0);
    expect((await run(['--filter=Bad'], [good, bad])).stdout).toContain('FAIL Test.CloudTrail.Bad');
  });

  it('exits 1 with a message when the filter selects no rule, so a typo never looks green', async () => {
    const result = await run(['--filter', 'nothing-like-this'], [good]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'prowl test: no rule or policy id contains "nothing-like-this" (1 rules and 0 policies loaded)\n' });
  });

  it('exits 2 and shows the usage for an unknown argument or a missing filter value', async () => {
    const unknown = await run(['--verbose'], [good]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^prowl test: Unknown option '--verbose'.*\nUsage: prowl test \[--filter <substring of a rule or policy id>\]\n$/s);
    const missing = await run(['--filter'], [good]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Option '--filter <value>' argument missing");
    expect((await run(['some-rule'], [good])).code).toBe(2);
    expect((await run(['--filter='], [good])).stderr).toContain('--filter needs a non-empty substring');
  });

  it('runs the policies’ tests too, in the same report and summary', async () => {
    const policy = policyPack.find((p) => p.id === 'AWS.S3.Bucket.VersioningDisabled')!;
    const result = await run(['--filter', 'VersioningDisabled'], [], [policy]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS AWS\.S3\.Bucket\.VersioningDisabled\n1 passed, 0 failed \(\d+ of \d+ tests passed\)\n$/);
  });

  it('runs Sigma rules’ tests through the same runner, naming the rule and the case that failed', async () => {
    const sigma = bundledSigma.map(({ rule }) => rule);
    const passing = await run(['--filter', 'Sigma.'], sigma);
    expect(passing.code).toBe(0);
    expect(passing.stdout.split('\n').filter((line) => line.startsWith('PASS Sigma.AWS.CloudTrail.'))).toHaveLength(sigma.length);

    const [first] = sigma;
    const [positive] = first!.tests.filter((test) => test.expect);
    const broken = { ...first!, tests: [...first!.tests, { ...positive!, name: 'a flipped case', expect: false }] };
    const failing = await run(['--filter', first!.id], [broken]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(`FAIL ${first!.id}\n  ✗ a flipped case: expected no match, but the rule matched`);
  });
});
