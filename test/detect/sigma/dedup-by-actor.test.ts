import { EMPTY_DETECTION_SETTINGS } from '../../../src/config/detection-settings';
import { createEngine } from '../../../src/detect/engine';
import type { NormalizedEvent } from '../../../src/logs/log-type';
import { sigmaRule } from './sigma-helpers';

const detection = { selection: { eventName: 'StopLogging' }, condition: 'selection' };
const stop = (account: string, arn: string, trail = 'main'): NormalizedEvent =>
  ({
    p_log_type: 'AWS.CloudTrail',
    p_event_time: '2026-11-22T10:00:00Z',
    eventName: 'StopLogging',
    recipientAccountId: account,
    userIdentity: { arn },
    requestParameters: { name: trail },
  }) as unknown as NormalizedEvent;

function dedupOf(rule: ReturnType<typeof sigmaRule>, event: NormalizedEvent): string {
  return createEngine([rule], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(event).matches[0]!.dedup;
}

describe('the dedup key of a Sigma rule’s alerts', () => {
  const rule = sigmaRule(detection);

  it('keeps two accounts, and two principals, apart instead of folding them under the rule’s fixed title', () => {
    const alice = dedupOf(rule, stop('111111111111', 'arn:aws:iam::111111111111:user/alice'));
    const bob = dedupOf(rule, stop('222222222222', 'arn:aws:iam::222222222222:user/bob'));
    const carol = dedupOf(rule, stop('111111111111', 'arn:aws:iam::111111111111:user/carol'));
    expect(new Set([alice, bob, carol]).size).toBe(3);
    expect(alice).toBe('recipientAccountId="111111111111" userIdentity.arn="arn:aws:iam::111111111111:user/alice"');
  });

  it('folds repeats by the same principal in the same account into one key', () => {
    expect(dedupOf(rule, stop('111111111111', 'arn:x'))).toBe(dedupOf(rule, stop('111111111111', 'arn:x')));
  });

  it('adds the rule’s own fields, so two targets of one actor are two alerts', () => {
    const withFields = sigmaRule(detection, { fields: ['requestParameters.name'] });
    expect(dedupOf(withFields, stop('1', 'arn:x', 'main'))).not.toBe(dedupOf(withFields, stop('1', 'arn:x', 'audit')));
  });

  it('cannot be forged by a value that contains the separator', () => {
    expect(dedupOf(rule, stop('1 userIdentity.arn="x"', 'y'))).not.toBe(dedupOf(rule, stop('1', 'x" y')));
  });
});

describe('a long value in the dedup key', () => {
  it('is replaced by its digest, so long values stay apart and the key keeps the principal', () => {
    const rule = sigmaRule(detection, { fields: ['requestParameters.name'] });
    const long = (tail: string): string => dedupOf(rule, stop('1', 'arn:x', `${'p'.repeat(2000)}${tail}`));
    expect(long('a')).not.toBe(long('b'));
    expect(long('a')).toMatch(/^recipientAccountId="1" userIdentity\.arn="arn:x" requestParameters\.name=sha256:[0-9a-f]{32}$/);
  });
});
