import { applyMatches, nextWindow } from '../../src/alerts/dedup';
import { matchGroup, T0 } from '../helpers/alerts';

/** Time to acknowledge counts from when people were told, not from a thresholded alert's first match. */
describe('when an alert opened', () => {
  const group = matchGroup({ count: 2 }, { threshold: 3 });
  const window = nextWindow(undefined, group, T0);

  it('is the batch that reached the threshold, kept as later matches arrive', () => {
    const pending = applyMatches(undefined, group, window, 'b1', T0, 5);
    expect(pending.status).toBe('PENDING');
    expect(pending.openedAt).toBeUndefined();
    const opened = applyMatches(pending, group, window, 'b2', T0.plus({ minutes: 7 }), 5);
    expect(opened).toMatchObject({ status: 'OPEN', createdAt: T0.toISO(), openedAt: T0.plus({ minutes: 7 }).toISO() });
    const later = applyMatches(opened, group, window, 'b3', T0.plus({ minutes: 9 }), 5);
    expect(later.openedAt).toBe(T0.plus({ minutes: 7 }).toISO());
  });

  it('is the first match for an alert without a threshold', () => {
    expect(applyMatches(undefined, matchGroup(), nextWindow(undefined, matchGroup(), T0), 'b1', T0, 5).openedAt).toBe(T0.toISO());
  });
});
