import type { Rule } from '../../src/detect/rule';
import { type DetectionTestResult, runDetectionTests } from '../../src/detect/detection-tests';
import { COVERAGE_TEST_NAME, ruleSubject } from '../../src/detect/rule-tests';
import type { CloudTrailEvent } from '../../src/logs/cloudtrail';
import { type CloudTrailRuleDefinition, describeInstances, stopLogging, stopLoggingRule } from '../helpers/stop-logging-rule';

type Definition = CloudTrailRuleDefinition;

function fakeRule(overrides: Partial<Definition> = {}): Rule {
  return stopLoggingRule({ title: (event) => `${event.eventName} by ${event.userIdentity.arn ?? '?'}`, ...overrides });
}

/** The one detection runner, given rules. */
function runRuleTests(rules: readonly Rule[], filter?: string): DetectionTestResult[] {
  return runDetectionTests(
    rules.map((rule) => ruleSubject(rule)),
    filter,
  );
}

function failures(results: readonly DetectionTestResult[]): Array<{ testName: string; reason: string | undefined }> {
  return results.filter((result) => !result.passed).map(({ testName, reason }) => ({ testName, reason }));
}

describe('the detection test runner, given TypeScript rules', () => {
  it('passes every test of a rule whose tests agree with its logic, and reports the would-be title', () => {
    const results = runRuleTests([fakeRule()]);
    expect(results.map((result) => [result.testName, result.passed])).toEqual([
      [COVERAGE_TEST_NAME, true],
      ['stop logging matches', true],
      ['describe does not match', true],
    ]);
    expect(results[1]!.title).toBe('StopLogging by arn:aws:sts::123456789012:assumed-role/Engineer/alice');
  });

  it('fails a test whose expectation disagrees with the rule, in either direction', () => {
    const rule = fakeRule({
      tests: [
        { name: 'claims a match', expect: true, event: describeInstances },
        { name: 'claims no match', expect: false, event: stopLogging },
      ],
    });
    expect(failures(runRuleTests([rule]))).toEqual([
      { testName: 'claims a match', reason: 'expected the rule to match, but it did not' },
      { testName: 'claims no match', reason: expect.stringContaining('expected no match, but the rule matched') },
    ]);
  });

  it('fails a rule that has no non-matching test', () => {
    const rule = fakeRule({ tests: [{ name: 'only positive', expect: true, event: stopLogging }] });
    expect(failures(runRuleTests([rule]))).toEqual([{ testName: COVERAGE_TEST_NAME, reason: expect.stringContaining('one with expect: false') }]);
  });

  it('fails a rule that has no matching test', () => {
    const rule = fakeRule({ tests: [{ name: 'only negative', expect: false, event: describeInstances }] });
    expect(failures(runRuleTests([rule]))).toEqual([{ testName: COVERAGE_TEST_NAME, reason: expect.stringContaining('one with expect: true') }]);
  });

  it('fails a test when the rule function throws, even if the expectation was no match', () => {
    const rule = fakeRule({
      rule: (event) => (event.requestParameters as { name: string }).name === 'x',
    });
    const failed = failures(runRuleTests([rule]));
    expect(failed.map((failure) => failure.testName)).toEqual(['stop logging matches', 'describe does not match']);
    expect(failed[1]!.reason).toMatch(/^a rule function threw: rule:TypeError: /);
  });

  it('fails a matching test when title, dedup or alertContext throws', () => {
    const rule = fakeRule({
      alertContext: () => {
        throw new RangeError('context broke');
      },
    });
    expect(failures(runRuleTests([rule]))).toEqual([
      { testName: 'stop logging matches', reason: 'a rule function threw: alertContext:RangeError: context broke' },
    ]);
  });

  it('fails a test whose event is not valid for the log type, naming the field', () => {
    const invalid = { ...stopLogging, eventTime: 'yesterday' } as CloudTrailEvent;
    const rule = fakeRule({ tests: [...fakeRule().tests, { name: 'bad time', expect: true, event: invalid }] as Definition['tests'] });
    const [failed] = failures(runRuleTests([rule]));
    expect(failed!.testName).toBe('bad time');
    expect(failed!.reason).toContain('not a valid AWS.CloudTrail event');
    expect(failed!.reason).toContain('event.eventTime');
  });

  it('fails a test that claims a log type the rule does not run on', () => {
    const stray = { name: 'flow record', expect: false, logType: 'AWS.VPCFlow', event: describeInstances } as unknown as Definition['tests'][number];
    const rule = fakeRule({ tests: [...(fakeRule().tests as Definition['tests']), stray] });
    expect(failures(runRuleTests([rule]))).toEqual([
      { testName: 'flow record', reason: 'test log type "AWS.VPCFlow" is not one of the rule\'s log types (AWS.CloudTrail)' },
    ]);
  });

  it('still runs the tests of a rule that is disabled by default', () => {
    const rule = fakeRule({ enabled: false });
    expect(failures(runRuleTests([rule]))).toEqual([]);
  });

  it('reports each result as a rule result, under the rule id', () => {
    expect(new Set(runRuleTests([fakeRule()]).map((result) => `${result.kind} ${result.detectionId}`))).toEqual(new Set(['rule Test.CloudTrail.StopLogging']));
  });

  it('runs only rules whose id contains the filter, ignoring case', () => {
    const other = fakeRule({ id: 'Test.CloudTrail.Other' });
    const ids = new Set(runRuleTests([fakeRule(), other], 'other').map((result) => result.detectionId));
    expect([...ids]).toEqual(['Test.CloudTrail.Other']);
  });

  it('sees the event after normalization, with the p_ fields production adds', () => {
    const rule = fakeRule({
      rule: (event) =>
        event.p_log_type === 'AWS.CloudTrail' && (event.p_any_aws_account_ids ?? []).includes('123456789012') && event.eventName === 'StopLogging',
    });
    expect(failures(runRuleTests([rule]))).toEqual([]);
  });
});
