import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Settings } from 'luxon';
import { searchCommand } from '../../src/cli/search-command';
import { cloudTrailEvent, writeLake } from './helpers/lake';

describe('prowl search', () => {
  let lakeDir: string;

  beforeAll(() => {
    Settings.now = () => Date.parse('2024-05-02T10:30:00Z');
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-search-cli-'));
    writeLake(lakeDir, [
      cloudTrailEvent({ eventID: 'one', eventTime: '2024-05-02T09:00:00Z', eventName: 'ConsoleLogin', userAgent: 'aws cli/2.0' }),
      cloudTrailEvent({ eventID: 'two', eventTime: '2024-05-02T08:00:00Z', eventName: 'GetObject', userAgent: 'console' }),
    ]);
  });

  afterAll(() => {
    rmSync(lakeDir, { recursive: true, force: true });
    Settings.now = () => Date.now();
  });

  async function prowlSearch(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    const code = await searchCommand(argv, { stdout, stderr }, { lakeDir });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('prints matching rows as a table and the summary on stderr', async () => {
    const { code, stdout, stderr } = await prowlSearch('AWS.CloudTrail', 'eventName=ConsoleLogin', 'fields', 'eventID,eventName');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'p_event_time              eventID  eventName',
        '------------------------  -------  ------------',
        '2024-05-02T09:00:00.000Z  one      ConsoleLogin',
        '',
      ].join('\n'),
    );
    expect(stderr).toMatch(/^1 row · \d+ B scanned · (\d+ ms|\d+\.\d s)\n$/);
  });

  it('prints one JSON object per row with --format json', async () => {
    const { code, stdout } = await prowlSearch('--format', 'json', 'AWS.CloudTrail', 'fields', 'eventID');
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { p_event_time: '2024-05-02T09:00:00.000Z', eventID: 'one' },
      { p_event_time: '2024-05-02T08:00:00.000Z', eventID: 'two' },
    ]);
  });

  it('keeps a value the shell unquoted as one value', async () => {
    const { stdout } = await prowlSearch('--format=json', 'AWS.CloudTrail', 'userAgent=aws cli/2.0', 'fields', 'eventID');
    expect(stdout.trim().split('\n')).toEqual(['{"p_event_time":"2024-05-02T09:00:00.000Z","eventID":"one"}']);
  });

  it('takes the whole query as one argument', async () => {
    const { stdout } = await prowlSearch('--format=json', 'any user=alice limit 1 fields p_log_type');
    expect(stdout.trim()).toBe('{"p_event_time":"2024-05-02T09:00:00.000Z","p_log_type":"AWS.CloudTrail"}');
  });

  it('exits 2 and explains a wrong query', async () => {
    const { code, stderr, stdout } = await prowlSearch('AWS.CloudTrail', 'evntName=x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('prowl search: AWS.CloudTrail has no field "evntName" at "evntName" (character 16); did you mean eventName?\n');
  });

  it('exits 2 with usage for a wrong option', async () => {
    const { code, stderr } = await prowlSearch('--format', 'xml', 'AWS.CloudTrail');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^prowl search: --format: Invalid option: expected one of "table"\|"json"\n\nusage: prowl search/);
  });

  it('prints the SQL and parameters with --explain instead of running', async () => {
    const { code, stdout } = await prowlSearch('--explain', 'AWS.CloudTrail', 'eventName=ConsoleLogin', 'last', '1h');
    expect(code).toBe(0);
    expect(stdout).toContain('FROM read_json([');
    expect(stdout).toContain('-- parameters: ["2024-05-02T09:30:00.000Z","2024-05-02T10:30:00.000Z","ConsoleLogin"]');
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await prowlSearch('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: prowl search/);
  });
});
