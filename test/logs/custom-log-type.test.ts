import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCustomLogType } from '../../src/logs/custom-log-type';
import { createLogTypeRegistry } from '../../src/logs/registry';
import { resolveSource } from '../../src/logs/sources';
import { events, expectGolden, FIXTURES, PARSE_TIME, parseFixture, quarantined } from './golden';

const declaration = JSON.parse(readFileSync(join(FIXTURES, 'custom/app-audit.declaration.json'), 'utf8')) as Record<string, unknown>;

function problemsWith(changes: Record<string, unknown>): string {
  try {
    buildCustomLogType({ ...declaration, ...changes });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the declaration was accepted');
}

describe('a custom JSON log type declared in configuration', () => {
  const appAudit = buildCustomLogType(declaration);

  it('parses its records to the reviewed golden output', async () => {
    const records = await parseFixture('custom/app-audit.jsonl', [appAudit]);
    expectGolden('custom/app-audit.jsonl', records);
    expect(events(records).map((event) => event['action'])).toEqual(['user.login', 'user.export', 'user.logout']);
  });

  it('takes the event time from the declared field, in UTC, or the parse time when it is absent', async () => {
    const [login, , logout] = events(await parseFixture('custom/app-audit.jsonl', [appAudit]));
    expect(login!['p_event_time']).toBe('2026-11-22T09:30:00.000Z');
    expect(logout!['p_event_time']).toBe(PARSE_TIME);
  });

  it('quarantines records missing a required field or holding the wrong type, naming the field', async () => {
    expect(quarantined(await parseFixture('custom/app-audit.jsonl', [appAudit]))).toEqual([
      { position: 4, quarantined: expect.stringContaining('action: Invalid input: expected string') },
      { position: 5, quarantined: expect.stringContaining('request.bytes: Invalid input: expected number') },
    ]);
  });

  it('extracts the declared indicators, nested and in arrays, and keeps undeclared fields', async () => {
    const [login, exported] = events(await parseFixture('custom/app-audit.jsonl', [appAudit]));
    expect(login).toMatchObject({
      p_any_ip_addresses: ['198.51.100.7'],
      p_any_emails: ['alice@example.com'],
      p_any_usernames: ['Alice@Example.com'],
      p_any_aws_tags: ['eu:', 'prod:'],
      extra: { k: 'v' },
    });
    expect(exported).not.toHaveProperty('p_any_ip_addresses');
  });

  it('rejects records with undeclared fields when told to', async () => {
    const strict = buildCustomLogType({ ...declaration, unknownFields: 'reject' });
    const records = await parseFixture('custom/app-audit.jsonl', [strict]);
    expect(quarantined(records)[0]).toEqual({ position: 1, quarantined: expect.stringContaining('extra') });
  });

  it('reads concatenated JSON records with nothing between them, as Firehose writes them', async () => {
    expect(events(await parseFixture('custom/firehose.json', [appAudit])).map((event) => event['action'])).toEqual(['user.login', 'user.export']);
  });

  it('reads unix-second event times', async () => {
    const unix = buildCustomLogType({ name: 'Custom.Unix', eventTime: 'ts', fields: [{ name: 'ts', type: 'timestamp', timeFormat: 'unix', required: true }] });
    expect(unix.eventTime({ ts: 1795341600 })).toBe('2026-11-22T10:00:00.000Z');
  });

  it('can be named by a source once it is in the registry', () => {
    const registry = createLogTypeRegistry([appAudit]);
    const source = resolveSource([{ label: 'app', prefix: 'app/', logTypes: ['Custom.AppAudit'] }], 'raw', 'raw', 'app/2026/11/22/audit.jsonl', registry);
    expect(source?.logTypes.map((logType) => logType.name)).toEqual(['Custom.AppAudit']);
  });

  it('may not take the name of another log type', () => {
    expect(() => createLogTypeRegistry([appAudit, appAudit])).toThrow('log type "Custom.AppAudit" is declared twice');
  });

  describe('is checked when it is loaded', () => {
    it('needs a Custom. name', () => {
      expect(problemsWith({ name: 'AWS.Mine' })).toContain('name: expected "Custom." and a capitalized name');
    });
    it('needs its event time to be a declared timestamp', () => {
      expect(problemsWith({ eventTime: 'action' })).toContain('eventTime: "action" is not a declared timestamp field');
    });
    it('needs objects to list their fields and arrays their elements', () => {
      const message = problemsWith({
        fields: [
          { name: 'a', type: 'object' },
          { name: 'b', type: 'array' },
        ],
      });
      expect(message).toContain('"a" is an object: list its fields');
      expect(message).toContain('"b" is an array: say what each element is');
    });
    it('reads indicators only from strings', () => {
      expect(problemsWith({ fields: [{ name: 'n', type: 'int', indicators: ['ip'] }] })).toContain(
        '"n" is of type int; indicators are read from string fields',
      );
    });
    it('refuses a field declared twice and unknown types', () => {
      expect(
        problemsWith({
          fields: [
            { name: 'a', type: 'string' },
            { name: 'a', type: 'int' },
          ],
        }),
      ).toContain('field "a" is declared twice');
      expect(problemsWith({ fields: [{ name: 'a', type: 'text' }] })).toContain('fields.0.type');
    });
  });
});
