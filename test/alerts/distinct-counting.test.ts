import { applyMatches, MAX_DISTINCT_VALUES, nextWindow } from '../../src/alerts/dedup';
import { matchGroup, T0 } from '../helpers/alerts';

describe('alerts of rules that count distinct values', () => {
  const counting = (values: string[], count = values.length): ReturnType<typeof matchGroup> => matchGroup({ count, distinct: new Set(values) }, { threshold: 3, counts: 'distinct' });
  const window = nextWindow(undefined, counting([]), T0);

  it('open when the window has seen the threshold of distinct values, however many events carried them', () => {
    const first = applyMatches(undefined, counting(['a', 'b'], 5), window, 'b1', T0, 5);
    expect(first).toMatchObject({ status: 'PENDING', matchCount: 5 });
    expect(first.distinctValues).toHaveLength(2);
    const again = applyMatches(first, counting(['a', 'b'], 4), window, 'b2', T0, 5);
    expect(again).toMatchObject({ status: 'PENDING', matchCount: 9 });
    const third = applyMatches(again, counting(['c']), window, 'b3', T0, 5);
    expect(third).toMatchObject({ status: 'OPEN', matchCount: 10 });
    expect(third.distinctValues).toHaveLength(3);
  });

  it('keep digests, not the values, and no more than the cap', () => {
    const many = Array.from({ length: MAX_DISTINCT_VALUES + 10 }, (_, i) => `secret-${i}`);
    const alert = applyMatches(undefined, counting(many), window, 'b1', T0, 5);
    expect(alert.distinctValues).toHaveLength(MAX_DISTINCT_VALUES);
    expect(alert.distinctValues!.every((value) => /^[0-9a-f]{16}$/.test(value))).toBe(true);
  });

  it('count a retried batch once', () => {
    const first = applyMatches(undefined, counting(['a', 'b']), window, 'b1', T0, 5);
    expect(applyMatches(first, counting(['c']), window, 'b1', T0, 5)).toBe(first);
  });
});
