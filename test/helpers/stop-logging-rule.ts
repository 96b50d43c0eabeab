import { defineRule, type Rule, type RuleDefinition } from '../../src/detect/rule';
import { cloudTrailEvent } from '../../src/detect/test-events';

export type CloudTrailRuleDefinition = RuleDefinition<'AWS.CloudTrail'>;

export const stopLogging = cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', readOnly: false });
export const describeInstances = cloudTrailEvent();

/** A small rule for testing the test runner: it matches StopLogging, with one case on each side unless overridden. */
export function stopLoggingRule(overrides: Partial<CloudTrailRuleDefinition> = {}): Rule {
  return defineRule({
    id: 'Test.CloudTrail.StopLogging',
    logTypes: ['AWS.CloudTrail'],
    severity: 'HIGH',
    description: 'd',
    runbook: 'r',
    tags: [],
    rule: (event) => event.eventName === 'StopLogging',
    tests: [
      { name: 'stop logging matches', expect: true, event: stopLogging },
      { name: 'describe does not match', expect: false, event: describeInstances },
    ],
    ...overrides,
  });
}
