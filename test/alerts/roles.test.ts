import { requireRole, roleOf } from '../../src/alerts/roles';
import type { ConfigFile } from '../../src/config';

const config: Pick<ConfigFile, 'roles' | 'teams'> = {
  roles: { admins: ['UADMIN'], responders: ['S0SECURITY'] },
  teams: [
    { name: 'web', channel: '#web', minSeverity: 'INFO', owns: { ruleIds: [], tags: [], logTypes: [], accounts: [], sources: [] }, responders: ['UWEBDEV'] },
  ],
};

describe('roles', () => {
  it('come from user ids and from user groups', () => {
    expect(roleOf({ userId: 'UADMIN', groupIds: [] }, config)).toBe('admin');
    expect(roleOf({ userId: 'UANY', groupIds: ['S0SECURITY'] }, config)).toBe('responder');
    expect(roleOf({ userId: 'UANY', groupIds: [] }, config)).toBe('viewer');
  });

  it('make team responders responders only for their team', () => {
    expect(roleOf({ userId: 'UWEBDEV', groupIds: [] }, config, 'web')).toBe('responder');
    expect(roleOf({ userId: 'UWEBDEV', groupIds: [] }, config, 'payments')).toBe('viewer');
  });

  it('deny with a reason that says what is needed', () => {
    expect(() => requireRole({ userId: 'UANY', groupIds: [] }, 'responder', config, 'acknowledge alerts', 'web')).toThrow(
      'you need the responder role for team web to acknowledge alerts; you are a viewer. Ask a Prowl admin to add you in prowl.config.yml.',
    );
    expect(() => requireRole({ userId: 'UADMIN', groupIds: [] }, 'admin', config, 'disable rules')).not.toThrow();
  });
});
