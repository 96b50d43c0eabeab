import { acknowledge, resolve, unacknowledge } from '../../src/alerts/transitions';
import { openAlert } from '../helpers/alerts';

const at = '2026-11-22T10:05:00.000Z';

describe('alert transitions', () => {
  it('acknowledge records who and when', () => {
    expect(acknowledge(openAlert(), 'U123', at)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'U123', acknowledgedAt: at, updatedAt: at });
  });

  it('unacknowledge returns the alert to open and forgets the acknowledgement', () => {
    const back = unacknowledge(acknowledge(openAlert(), 'U123', at), 'U123', at);
    expect(back.status).toBe('OPEN');
    expect(back.acknowledgedBy).toBeUndefined();
  });

  it('resolve keeps the reason and note', () => {
    expect(resolve(openAlert(), 'U9', at, 'false-positive', 'test account')).toMatchObject({
      status: 'RESOLVED',
      resolvedBy: 'U9',
      resolution: { reason: 'false-positive', note: 'test account' },
    });
  });

  it('refuses changes that make no sense, saying why', () => {
    const resolved = resolve(openAlert(), 'U9', at, 'benign');
    expect(() => acknowledge(resolved, 'U1', at)).toThrow(/is resolved; only open alerts can be acknowledged/);
    expect(() => resolve(resolved, 'U1', at, 'benign')).toThrow(/only open or acknowledged alerts can be resolved/);
    expect(() => unacknowledge(openAlert(), 'U1', at)).toThrow(/only acknowledged alerts/);
  });
});
