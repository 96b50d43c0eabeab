import type { Alert, AlertStatus } from '../../src/alerts/alert';
import type { AlertStore } from '../../src/alerts/alert-store';
import { homeOverview } from '../../src/alerts/home';
import type { TeamConfig } from '../../src/config';
import { T0, openAlert } from '../helpers/alerts';

const NOW = T0.plus({ days: 1 });

function team(name: string, responders: string[]): TeamConfig {
  return { name, channel: `#${name}`, minSeverity: 'INFO', owns: { ruleIds: [], tags: [], logTypes: [], accounts: [], sources: [] }, responders };
}

const TEAMS = [team('payments', ['SPAYGROUP']), team('platform', ['UPLAT'])];

const ALERTS: Alert[] = [
  openAlert({ id: 'pay-low', team: 'payments', severity: 'LOW', lastSeen: NOW.minus({ minutes: 1 }).toISO()! }),
  openAlert({ id: 'pay-crit', team: 'payments', severity: 'CRITICAL', lastSeen: NOW.minus({ hours: 3 }).toISO()! }),
  openAlert({ id: 'pay-high-acked', team: 'payments', severity: 'HIGH', status: 'ACKNOWLEDGED' }),
  openAlert({ id: 'plat-assigned', team: 'platform', severity: 'MEDIUM', assignee: 'UPAYER' }),
  openAlert({ id: 'unowned', severity: 'HIGH' }),
  openAlert({
    id: 'pay-resolved',
    team: 'payments',
    status: 'RESOLVED',
    resolvedAt: NOW.minus({ hours: 2 }).toISO()!,
    updatedAt: NOW.minus({ hours: 2 }).toISO()!,
  }),
  openAlert({ id: 'plat-resolved-mine', team: 'platform', status: 'RESOLVED', assignee: 'UPAYER', resolvedAt: NOW.minus({ hours: 1 }).toISO()! }),
  openAlert({ id: 'plat-resolved', team: 'platform', status: 'RESOLVED', resolvedAt: NOW.minus({ hours: 1 }).toISO()! }),
];

/** The two reads the Home tab makes, over a fixed list. */
const store: Pick<AlertStore, 'listByStatus' | 'listChangedSince'> = {
  listByStatus: async (status: AlertStatus, limit: number) => ALERTS.filter((a) => a.status === status).slice(0, limit),
  listChangedSince: async (status: AlertStatus, _since: string, max: number) => ({
    alerts: ALERTS.filter((a) => a.status === status).slice(0, max),
    complete: true,
  }),
};

const deps = { alerts: store, config: { roles: { admins: ['UADMIN'], responders: [] } }, teams: async () => TEAMS, now: () => NOW };
const ids = (alerts: Alert[]): string[] => alerts.map((a) => a.id);

describe('what one person’s Home tab holds', () => {
  it('takes a responder’s teams from their user groups, most severe first, and keeps their assignments from other teams', async () => {
    const home = await homeOverview(deps, { userId: 'UPAYER', groupIds: ['SPAYGROUP'] });
    expect(home.scope).toEqual({ kind: 'teams', teams: ['payments'] });
    expect(ids(home.open)).toEqual(['pay-crit', 'pay-high-acked', 'pay-low']);
    expect(ids(home.assigned)).toEqual(['plat-assigned']);
    expect(ids(home.resolved)).toEqual(['plat-resolved-mine', 'pay-resolved']);
    expect(home).toMatchObject({ userId: 'UPAYER', complete: true, at: NOW.toISO() });
  });

  it('shows an admin in no team every open alert, and a viewer none', async () => {
    const admin = await homeOverview(deps, { userId: 'UADMIN', groupIds: [] });
    expect(admin.scope).toEqual({ kind: 'all' });
    expect(ids(admin.open)).toEqual(['pay-crit', 'unowned', 'pay-high-acked', 'plat-assigned', 'pay-low']);
    const viewer = await homeOverview(deps, { userId: 'UVIEWER', groupIds: [] });
    expect(viewer).toMatchObject({ scope: { kind: 'none' }, open: [], assigned: [], resolved: [] });
  });
});
