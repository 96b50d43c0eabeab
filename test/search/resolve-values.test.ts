import type { Condition } from '../../src/search/search-plan';
import { planOf, rejectionOf } from './helpers/plan';

const conditionOf = (text: string): Condition => planOf(text).conditions[0]!;

describe('resolveQuery value typing (on a log type search has never seen)', () => {
  it('types number comparisons from the schema', () => {
    expect(conditionOf('Test.Flow dstPort>=1024')).toMatchObject({ test: { kind: 'compare', as: 'number', op: '>=', value: 1024 } });
    expect(conditionOf('Test.Flow bytes<-1.5e3')).toMatchObject({ test: { kind: 'compare', as: 'number', value: -1500 } });
  });

  it('rejects a non-number for a number field', () => {
    expect(rejectionOf(() => planOf('Test.Flow dstPort=http'))).toContain(
      'dstPort is a number at "http" (character 19); accepted: a number such as 42 or -1.5',
    );
  });

  it('types booleans and rejects anything but true or false', () => {
    expect(conditionOf('Test.Flow accepted=TRUE')).toMatchObject({ test: { kind: 'equals', as: 'boolean', value: true } });
    expect(rejectionOf(() => planOf('Test.Flow accepted=yes'))).toContain('accepted is true/false at "yes"');
  });

  it('types times as ISO-8601 UTC and compares them as times', () => {
    expect(conditionOf('Test.Flow startTime>2024-05-01T12:00:00+02:00')).toMatchObject({
      test: { kind: 'compare', as: 'time', value: '2024-05-01T10:00:00.000Z' },
    });
  });

  it('compares p_event_time as Prowl-written text in the same format', () => {
    expect(conditionOf('Test.Flow p_event_time<2024-05-02')).toMatchObject({ test: { kind: 'compare', as: 'stamp', value: '2024-05-02T00:00:00.000Z' } });
  });

  it('rejects a time value that is not an ISO date', () => {
    expect(rejectionOf(() => planOf('Test.Flow startTime>yesterday'))).toContain('not a date at "yesterday"');
  });

  it('matches lists when any element matches', () => {
    expect(conditionOf('Test.Flow tags=prod')).toMatchObject({ field: { name: 'tags', list: true }, test: { kind: 'equals', value: 'prod' } });
  });

  it('compares free-form values as text, and as numbers with > and <', () => {
    expect(conditionOf('Test.Flow detail.code=7')).toMatchObject({ test: { kind: 'equals', as: 'text', value: '7' } });
    expect(conditionOf('Test.Flow detail.code>7')).toMatchObject({ test: { kind: 'compare', as: 'number', value: 7 } });
  });

  it('turns a CIDR-shaped value on a text field into a range match', () => {
    expect(conditionOf('Test.Flow srcAddr=10.1.2.3/8')).toMatchObject({
      test: { kind: 'cidr', block: { text: '10.0.0.0/8', version: 4, first: 167772160, last: 184549375 } },
    });
    expect(conditionOf('Test.Flow srcAddr=2001:DB8::/32')).toMatchObject({ test: { kind: 'cidr', block: { text: '2001:db8::/32', version: 6 } } });
  });

  it('rejects a CIDR block that is out of range', () => {
    expect(rejectionOf(() => planOf('Test.Flow srcAddr=10.0.0.0/33'))).toContain('not a valid CIDR block at "10.0.0.0/33"');
  });

  it('splits an in list into exact values and CIDR blocks', () => {
    expect(conditionOf('Test.Flow srcAddr in (1.2.3.4, 10.0.0.0/8, 5.6.7.8)')).toMatchObject({
      kind: 'or',
      conditions: [{ test: { kind: 'oneOf', values: ['1.2.3.4', '5.6.7.8'] } }, { test: { kind: 'cidr', block: { text: '10.0.0.0/8' } } }],
    });
  });

  it('turns globs into escaped, lowercased LIKE patterns', () => {
    expect(conditionOf('Test.Flow srcAddr~Web_*%?')).toMatchObject({ test: { kind: 'glob', pattern: 'web\\_%\\%_' } });
  });

  it('wraps != and !~ in a negation', () => {
    expect(conditionOf('Test.Flow action!=ACCEPT')).toMatchObject({ kind: 'not', condition: { test: { kind: 'equals', value: 'ACCEPT' } } });
    expect(conditionOf('Test.Flow action!~acc*')).toMatchObject({ kind: 'not', condition: { test: { kind: 'glob' } } });
  });

  it('rejects operators that do not fit the field kind, naming what does', () => {
    expect(rejectionOf(() => planOf('Test.Flow dstPort~80*'))).toContain('~ (glob) works on text, and dstPort is a number');
    expect(rejectionOf(() => planOf('Test.Flow srcAddr>10'))).toContain('> compares numbers and times, and srcAddr is text');
    expect(rejectionOf(() => planOf('Test.Flow accepted in (true)'))).toContain('in does not apply to true/false fields');
    expect(rejectionOf(() => planOf('Test.Flow tags>1'))).toContain('list fields accept =, !=, ~, !~ and in');
  });

  it('rejects a limit above the maximum', () => {
    expect(rejectionOf(() => planOf('Test.Flow limit 20000'))).toContain(
      'limit 20000 is more than the maximum at "limit 20000" (character 11); accepted: up to 10000 rows',
    );
  });
});

describe('resolveQuery columns', () => {
  it('shows time, the filtered fields and the common indicators by default', () => {
    expect(planOf('AWS.CloudTrail eventName=X userIdentity.arn=Y').columns.map((column) => column.name)).toEqual([
      'p_event_time',
      'eventName',
      'userIdentity.arn',
      'p_any_aws_arns',
      'p_any_ip_addresses',
      'p_row_id',
    ]);
  });

  it('shows the log type and matched indicator by default for any', () => {
    expect(planOf('any ip=1.2.3.4').columns.map((column) => column.name)).toEqual([
      'p_event_time',
      'p_log_type',
      'p_any_ip_addresses',
      'p_source_label',
      'p_row_id',
    ]);
  });

  it('keeps the listed fields in order after p_event_time, once each', () => {
    expect(planOf('AWS.CloudTrail fields sourceIPAddress,eventName,sourceIPAddress').columns.map((column) => column.name)).toEqual([
      'p_event_time',
      'sourceIPAddress',
      'eventName',
    ]);
  });

  it('allows objects and maps in fields though they cannot be filtered', () => {
    expect(planOf('AWS.CloudTrail fields userIdentity,requestParameters,resources').columns.map((column) => column.comparable)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
