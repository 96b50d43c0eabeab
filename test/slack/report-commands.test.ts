import { computeStats } from '../../src/alerts/alert-stats';
import { isProwlError } from '../../src/errors';
import { parseCommand } from '../../src/slack/commands';
import { durationText } from '../../src/slack/duration-text';
import { statsText } from '../../src/slack/stats-reply';
import { openAlert, T0 } from '../helpers/alerts';

function misuse(text: string): string {
  try {
    parseCommand(text);
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_command')) return error.message;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('/prowl home and /prowl stats', () => {
  it('parse a team and a period in either order, 7 days by default', () => {
    expect(parseCommand('home')).toEqual({ name: 'home' });
    expect(parseCommand('stats')).toEqual({ name: 'stats', period: '7d' });
    expect(parseCommand('stats payments 30d')).toEqual({ name: 'stats', team: 'payments', period: '30d' });
    expect(parseCommand('stats 30D payments')).toEqual({ name: 'stats', team: 'payments', period: '30d' });
  });

  it('say what is accepted when the arguments are wrong', () => {
    expect(misuse('stats payments 90d')).toMatch(/^"90d" is neither a period \(7d, 30d\) nor a team name\.\nUsage: \/prowl stats \[team\] \[7d\|30d\]/);
    expect(misuse('home now')).toMatch(/^home takes no arguments\.\nUsage: \/prowl home/);
  });
});

describe('the stats reply', () => {
  it('reads counts, severities and mean times for people', () => {
    const opened = T0.toISO()!;
    const stats = computeStats(
      [
        openAlert({ id: 'a', severity: 'CRITICAL', openedAt: opened, acknowledgedAt: T0.plus({ minutes: 4 }).toISO()! }),
        openAlert({ id: 'b', severity: 'LOW', status: 'RESOLVED', openedAt: opened, resolvedAt: T0.plus({ hours: 3, minutes: 5 }).toISO()! }),
        openAlert({ id: 'c', status: 'PENDING', createdAt: opened }),
        openAlert({ id: 'd', openedAt: T0.minus({ days: 8 }).toISO()! }),
      ],
      { period: '7d', since: T0.minus({ days: 7 }).toISO()!, until: T0.plus({ hours: 4 }).toISO()!, complete: true },
    );
    expect(statsText(stats).split('\n')).toEqual([
      '*Alert stats for all teams, last 7d* (2026-11-15 10:00 → 2026-11-22 14:00 UTC)',
      'Opened: 2 · acknowledged: 1 · resolved: 1 · still open: 1',
      'By severity: :red_circle: CRITICAL 1 · :large_blue_circle: LOW 1',
      'Mean time to acknowledge: 4 min (over 1)',
      'Mean time to resolve: 3 h 05 min (over 1)',
    ]);
  });

  it('writes durations from seconds to days', () => {
    expect([45_000, 12 * 60_000, 49 * 3_600_000].map(durationText)).toEqual(['45 s', '12 min', '2 d 1 h']);
  });
});
