import { isProwlError } from '../../src/errors';
import { parseCommand, tokenize } from '../../src/slack/commands';

function misuse(text: string): string {
  try {
    parseCommand(text);
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_command')) return error.message;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('/prowl commands', () => {
  it('default to help', () => {
    expect(parseCommand('')).toEqual({ name: 'help' });
  });

  it('parse ack, unack and resolve with a reason and a quoted note', () => {
    expect(parseCommand('ack AWS.CloudTrail.X-0123456789abcdef')).toEqual({ name: 'ack', alertId: 'AWS.CloudTrail.X-0123456789abcdef' });
    expect(parseCommand('unack a-1')).toEqual({ name: 'unack', alertId: 'a-1' });
    expect(parseCommand('events a-1')).toEqual({ name: 'events', alertId: 'a-1' });
    expect(parseCommand('resolve a-1 false-positive "CI role" again')).toEqual({
      name: 'resolve',
      alertId: 'a-1',
      reason: 'false-positive',
      note: 'CI role again',
    });
    expect(parseCommand('resolve a-1')).toMatchObject({ reason: 'true-positive' });
  });

  it('parse alert listings by state, team and minimum severity', () => {
    expect(parseCommand('alerts')).toEqual({ name: 'alerts', status: 'OPEN' });
    expect(parseCommand('alerts acked payments severity>=high')).toEqual({ name: 'alerts', status: 'ACKNOWLEDGED', team: 'payments', minSeverity: 'HIGH' });
  });

  it('parse suppressions with conditions of every kind, an expiry and a reason', () => {
    expect(
      parseCommand(
        'suppress AWS.CloudTrail.X sourceIPAddress=10.0.0.0/8 userIdentity.arn~*scanner* eventName=GetObject,PutObject awsRegion=eu-west-1 for 7d reason "nightly scanner"',
      ),
    ).toEqual({
      name: 'suppress',
      ruleId: 'AWS.CloudTrail.X',
      conditions: [
        { field: 'sourceIPAddress', op: 'cidr', value: '10.0.0.0/8' },
        { field: 'userIdentity.arn', op: 'glob', value: '*scanner*' },
        { field: 'eventName', op: 'oneOf', value: ['GetObject', 'PutObject'] },
        { field: 'awsRegion', op: 'equals', value: 'eu-west-1' },
      ],
      expiry: { kind: 'for', text: '7d' },
      reason: 'nightly scanner',
    });
    expect(parseCommand('suppress R.X.Y dedup="123456789012:203.0.113.5" until 2026-12-01 18:00 reason pen test')).toMatchObject({
      dedup: '123456789012:203.0.113.5',
      expiry: { kind: 'until', text: '2026-12-01 18:00' },
      reason: 'pen test',
    });
    expect(parseCommand('suppress R.X.Y forever reason noisy')).toMatchObject({ expiry: { kind: 'forever' }, conditions: [] });
  });

  it('insist on an expiry and a reason for suppressions', () => {
    expect(misuse('suppress R.X.Y reason "x"')).toMatch(/say how long: for 7d, until 2026-12-01, or forever/);
    expect(misuse('suppress R.X.Y for 7d')).toMatch(/give a reason/);
    expect(misuse('suppress R.X.Y for soon reason x')).toMatch(/"for" needs a length like 30m, 12h, 7d or 2w, not "soon"/);
    expect(misuse('suppress R.X.Y bad$field=1 for 1d reason x')).toMatch(/"bad\$field" is not a field path/);
  });

  it('parse rule and route administration', () => {
    expect(parseCommand('rules')).toEqual({ name: 'rules', action: 'list' });
    expect(parseCommand('rules list root')).toEqual({ name: 'rules', action: 'list', filter: 'root' });
    expect(parseCommand('rules disable AWS.CloudTrail.X too noisy today')).toEqual({
      name: 'rules',
      action: 'disable',
      ruleId: 'AWS.CloudTrail.X',
      reason: 'too noisy today',
    });
    expect(parseCommand('route set payments channel=#pay-sec minSeverity=high accounts=111111111111,222222222222')).toEqual({
      name: 'route',
      action: 'set',
      team: 'payments',
      change: { channel: '#pay-sec', minSeverity: 'HIGH', accounts: ['111111111111', '222222222222'] },
    });
    expect(parseCommand('route set payments stormThreshold=25 stormMinutes=10')).toEqual({
      name: 'route',
      action: 'set',
      team: 'payments',
      change: { storm: { threshold: 25, windowMinutes: 10 } },
    });
    expect(misuse('route set payments stormThreshold=lots')).toMatch(/stormThreshold must be a whole number of at least 1/);
    expect(misuse('route set payments color=blue')).toMatch(/"color=blue" is not a route setting/);
    expect(misuse('route set payments minSeverity=huge')).toMatch(/minSeverity must be one of INFO, LOW/);
  });

  it('keep the whole search query as typed', () => {
    expect(parseCommand('search AWS.CloudTrail eventName="Console Login" last 24h')).toEqual({
      name: 'search',
      query: 'AWS.CloudTrail eventName="Console Login" last 24h',
    });
    expect(misuse('search')).toMatch(/say what to search/);
  });

  it('explain misuse with the usage line', () => {
    expect(misuse('ack')).toBe('an alert id is missing.\nUsage: /prowl ack <alert-id> — acknowledge an open alert');
    expect(misuse('resolve a-1 maybe')).toMatch(/unknown reason "maybe"; use one of true-positive, benign/);
    expect(misuse('ack <script>')).toMatch(/"<script>" is not an alert id/);
    expect(misuse('alerts Sideways!')).toMatch(/"Sideways!" is not a state/);
  });

  it('list what exists when the command is unknown', () => {
    expect(misuse('frobnicate')).toMatch(/^unknown command "frobnicate". Try one of:\n\/prowl help/);
  });

  it('take an alert by its number (42 or #42) wherever they take its id', () => {
    expect(parseCommand('ack 42')).toEqual({ name: 'ack', alertId: '#42' });
    expect(parseCommand('resolve #042 benign')).toEqual({ name: 'resolve', alertId: '#42', reason: 'benign' });
    expect(parseCommand('events #7')).toEqual({ name: 'events', alertId: '#7' });
    expect(parseCommand('audit #7')).toEqual({ name: 'audit', subject: '#7' });
    expect(misuse('ack #x')).toMatch(/"#x" is not an alert id/);
  });

  it('parse assign with a person Slack named, or me; unassign; alerts mine', () => {
    expect(parseCommand('assign #42 <@U0PAT123|pat>')).toEqual({ name: 'assign', alertId: '#42', assignee: 'U0PAT123' });
    expect(parseCommand('assign 42 <@W0PAT123>')).toEqual({ name: 'assign', alertId: '#42', assignee: 'W0PAT123' });
    expect(parseCommand('assign 42 @U0PAT123')).toMatchObject({ assignee: 'U0PAT123' });
    expect(parseCommand('assign a-1 ME')).toEqual({ name: 'assign', alertId: 'a-1', assignee: 'me' });
    expect(parseCommand('unassign #3')).toEqual({ name: 'unassign', alertId: '#3' });
    expect(parseCommand('alerts mine')).toEqual({ name: 'alerts', status: 'OPEN', mine: true });
    expect(misuse('assign 42')).toMatch(/^say who: @someone/);
    expect(misuse('assign 42 @pat')).toMatch(/"@pat" is not a person Slack named/);
    expect(misuse('assign 42 <@U0PAT123|pat> <@U0SAM456|sam>')).toMatch(/give one person/);
  });

  it('keep a note as typed after the alert reference', () => {
    expect(parseCommand('note #42  rotated the key, "twice"  ')).toEqual({ name: 'note', alertId: '#42', text: 'rotated the key, "twice"' });
    expect(misuse('note #42')).toMatch(/^write the note after the alert/);
    expect(misuse(`note #42 ${'x'.repeat(2001)}`)).toMatch(/at most 2000 characters; this one has 2001/);
  });

  it('tokenize keeps quoted phrases together, also after key=', () => {
    expect(tokenize('a "b c" d')).toEqual(['a', 'b c', 'd']);
    expect(tokenize('dedup="x y" z')).toEqual(['dedup=x y', 'z']);
  });
});
