import type { AuditEntry } from '../../src/alerts/audit';
import { createAccess } from '../../src/alerts/access';
import { COMMANDS, commandNamed, parseCommand, USAGES } from '../../src/slack/commands';
import type { Operations } from '../../src/slack/operations';
import { runCommand } from '../../src/slack/run-command';
import { T0, openAlert } from '../helpers/alerts';

/** Operations whose use cases fail the test if reached: only the table's own check may run. */
function unreachableOperations(audit: AuditEntry[]): Operations {
  const reached = (area: string, lookups: Record<string, unknown> = {}): unknown =>
    new Proxy(lookups, {
      get: (target, method) =>
        target[String(method)] ??
        (() => {
          throw new Error(`the use case ${area}.${String(method)} ran`);
        }),
    });
  return {
    access: createAccess({
      alerts: { get: async (id) => (id === 'team-alert' ? openAlert({ id, team: 'payments' }) : undefined) },
      config: { roles: { admins: ['UADMIN'], responders: [] } },
      teams: async () => [
        {
          name: 'payments',
          channel: '#pay',
          minSeverity: 'INFO',
          owns: { ruleIds: [], tags: [], logTypes: [], accounts: [], sources: [] },
          responders: ['UPAY'],
        },
      ],
    }),
    confirmations: reached('confirmations') as Operations['confirmations'],
    // Looking up what `#42` refers to comes before the role check; it changes nothing.
    triage: reached('triage', { idOf: async (ref: string) => ref }) as Operations['triage'],
    suppressions: reached('suppressions') as Operations['suppressions'],
    storms: reached('storms') as Operations['storms'],
    rules: reached('rules') as Operations['rules'],
    routes: reached('routes') as Operations['routes'],
    searches: reached('searches') as Operations['searches'],
    reports: reached('reports') as Operations['reports'],
    audit: { record: async (entry) => void audit.push(entry), list: async () => [] },
    now: () => T0,
    timeZoneOf: async () => 'UTC',
  };
}

describe('the /prowl command table', () => {
  it('has one entry per name, each usage naming its command, and help lists them all in order', () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) expect(command.usage.startsWith(`/prowl ${command.name}`)).toBe(true);
    expect(USAGES).toEqual(COMMANDS.map((command) => command.usage));
  });

  it.each([
    ['help', undefined],
    ['alerts', undefined],
    ['rules show R.X', undefined],
    ['route list', undefined],
    ['search AWS.CloudTrail', undefined],
    ['home', undefined],
    ['stats payments 30d', undefined],
    ['confirm a-1 yes', undefined],
    ['ack a-1', { role: 'responder', what: 'acknowledge alerts', alertId: 'a-1' }],
    ['resolve a-1 benign', { role: 'responder', what: 'resolve alerts', alertId: 'a-1' }],
    ['suppress R.X dedup=k for 1d reason x', { role: 'responder', what: 'suppress alerts' }],
    ['suppress R.X for 1d reason x', { role: 'admin', what: 'suppress a whole rule' }],
    ['rules disable R.X', { role: 'admin', what: 'disable rules' }],
    ['route remove payments', { role: 'admin', what: 'change routes' }],
    ['scan', { role: 'responder', what: 'run scans' }],
    ['sql SELECT 1', { role: 'admin', what: 'run SQL' }],
    ['digest', { role: 'admin', what: 'post the digest' }],
  ])('/prowl %s declares the role it needs', (text, permission) => {
    const input = parseCommand(text);
    expect(commandNamed(input.name)?.permission(input)).toEqual(permission);
  });

  it.each(['digest', 'rules disable R.X', 'sql SELECT 1', 'scan', 'route remove payments', 'suppress R.X for 1d reason x', 'ack team-alert'])(
    'refuses /prowl %s to a viewer before its use case runs, and audits the denial',
    async (text) => {
      const audit: AuditEntry[] = [];
      const reply = await runCommand(text, { userId: 'UVIEWER', groupIds: [] }, { channel: 'C1' }, unreachableOperations(audit));
      expect(reply.text).toMatch(/^you need the (responder|admin) role.* to .*; you are a viewer\./);
      expect(audit).toEqual([expect.objectContaining({ subject: 'denials', action: 'denied', actor: 'UVIEWER' })]);
    },
  );

  it("names the alert's team when a responder of no team acts on it, and lets the team's responder through to the use case", async () => {
    const ops = unreachableOperations([]);
    expect((await runCommand('ack team-alert', { userId: 'UOTHER', groupIds: [] }, { channel: 'C1' }, ops)).text).toBe(
      'you need the responder role for team payments to acknowledge alerts; you are a viewer. Ask a Prowl admin to add you in prowl.config.yml.',
    );
    // Past the door, the (here unreachable) use case runs: the failure is ours, so the reply does not detail it.
    expect((await runCommand('ack team-alert', { userId: 'UPAY', groupIds: [] }, { channel: 'C1' }, ops)).text).toBe(
      'Something went wrong on our side; it has been logged. Please try again.',
    );
  });
});
