import { routeAlert, teamFor } from '../../src/alerts/routing';
import type { ConfigFile } from '../../src/config';
import { normalizedCloudTrail, openAlert } from '../helpers/alerts';

const config: Pick<ConfigFile, 'teams' | 'slack'> = {
  slack: { defaultChannel: '#security', opsChannel: '#prowl-ops' },
  teams: [
    {
      name: 'payments',
      channel: '#payments-sec',
      minSeverity: 'HIGH',
      owns: { ruleIds: [], tags: [], logTypes: [], accounts: ['210987654321'], sources: [] },
      responders: [],
    },
    {
      name: 'identity',
      channel: '#identity-sec',
      minSeverity: 'INFO',
      owns: { ruleIds: ['AWS.CloudTrail.Iam*'], tags: ['TA0003:T1098'], logTypes: [], accounts: [], sources: [] },
      responders: [],
    },
  ],
};

describe('routing an alert', () => {
  it('sends rule errors to the ops channel', () => {
    expect(routeAlert(openAlert({ kind: 'rule-error' }), config)).toEqual({ channel: '#prowl-ops' });
  });

  it('honours the rule’s own team first', () => {
    expect(routeAlert(openAlert({ team: 'identity', samples: [normalizedCloudTrail({ recipientAccountId: '210987654321' })] }), config)).toEqual({
      team: 'identity',
      channel: '#identity-sec',
    });
  });

  it('finds the team that owns the account, when the severity is high enough', () => {
    const alert = openAlert({ samples: [normalizedCloudTrail({ recipientAccountId: '210987654321', userIdentity: { accountId: '210987654321' } })] });
    expect(routeAlert(alert, config)).toEqual({ team: 'payments', channel: '#payments-sec' });
    expect(routeAlert({ ...alert, severity: 'LOW' }, config)).toEqual({ channel: '#security' });
  });

  it('matches rule id prefixes and tags', () => {
    expect(routeAlert(openAlert({ ruleId: 'AWS.CloudTrail.IamUserCreated' }), config).team).toBe('identity');
    expect(routeAlert(openAlert({ tags: ['TA0003:T1098'] }), config).team).toBe('identity');
  });

  it('falls back to the default channel', () => {
    expect(routeAlert(openAlert(), config)).toEqual({ channel: '#security' });
  });

  it('names the owning team for authorization and filters, and none for Prowl’s own alerts', () => {
    expect(teamFor(openAlert({ ruleId: 'AWS.CloudTrail.IamUserCreated' }), config.teams)?.name).toBe('identity');
    expect(teamFor(openAlert({ kind: 'rule-error', team: 'identity' }), config.teams)).toBeUndefined();
    expect(teamFor(openAlert(), config.teams)).toBeUndefined();
  });
});
