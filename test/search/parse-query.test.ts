import { parseQuery } from '../../src/search/parse-query';

describe('parseQuery', () => {
  it('reads a log type with no clauses', () => {
    const query = parseQuery('AWS.CloudTrail');
    expect(query.source).toMatchObject({ kind: 'logType', name: 'AWS.CloudTrail' });
    expect(query.filters).toEqual([]);
    expect(query.time).toBeUndefined();
  });

  it('reads any as the cross-source search, whatever its case', () => {
    expect(parseQuery('ANY ip=1.2.3.4').source.kind).toBe('any');
  });

  it('reads every comparison operator with or without spaces around it', () => {
    const query = parseQuery('T a=1 b != 2 c~x* d!~y e>3 f >= 4 g<5 h<=6');
    expect(query.filters.map((filter) => [filter.field.text, filter.op, 'value' in filter ? filter.value.text : undefined])).toEqual([
      ['a', '=', '1'],
      ['b', '!=', '2'],
      ['c', '~', 'x*'],
      ['d', '!~', 'y'],
      ['e', '>', '3'],
      ['f', '>=', '4'],
      ['g', '<', '5'],
      ['h', '<=', '6'],
    ]);
  });

  it('reads dotted paths as nested field segments', () => {
    const [filter] = parseQuery('AWS.CloudTrail userIdentity.sessionContext.sessionIssuer.arn=x').filters;
    expect(filter!.field.path).toEqual(['userIdentity', 'sessionContext', 'sessionIssuer', 'arn']);
  });

  it('keeps everything after the operator up to the next space as the value', () => {
    const [arn, key] = parseQuery('T a=arn:aws:iam::123456789012:role/x=y b=abc==').filters;
    expect(arn).toMatchObject({ value: { text: 'arn:aws:iam::123456789012:role/x=y', quoted: false } });
    expect(key).toMatchObject({ value: { text: 'abc==' } });
  });

  it('reads quoted values with spaces and escaped quotes', () => {
    const [filter] = parseQuery('T userAgent="aws-cli/2.0 \\"beta\\" (Linux)"').filters;
    expect(filter).toMatchObject({ value: { text: 'aws-cli/2.0 "beta" (Linux)', quoted: true } });
  });

  it('accepts the curly quotes Slack clients substitute for straight ones', () => {
    const [filter] = parseQuery('T userAgent=\u201caws cli\u201d').filters;
    expect(filter).toMatchObject({ value: { text: 'aws cli', quoted: true } });
  });

  it('reads in lists with bare and quoted items', () => {
    const [filter] = parseQuery('T eventName in (ConsoleLogin, "Get Object",DeleteTrail)').filters;
    expect(filter!.op).toBe('in');
    expect(filter!.op === 'in' && filter!.values.map((value) => value.text)).toEqual(['ConsoleLogin', 'Get Object', 'DeleteTrail']);
  });

  it('reads last with minutes, hours and days', () => {
    expect(parseQuery('T last 30m').time).toMatchObject({ kind: 'last', amount: 30, unit: 'm' });
    expect(parseQuery('T last 24h').time).toMatchObject({ kind: 'last', amount: 24, unit: 'h' });
    expect(parseQuery('T last 7D').time).toMatchObject({ kind: 'last', amount: 7, unit: 'd' });
  });

  it('reads since with and without until', () => {
    expect(parseQuery('T since 2024-05-01').time).toMatchObject({ kind: 'since', since: { text: '2024-05-01' } });
    expect(parseQuery('T since 2024-05-01 until 2024-05-02T12:00Z').time).toMatchObject({
      since: { text: '2024-05-01' },
      until: { text: '2024-05-02T12:00Z' },
    });
  });

  it('reads limit and a comma-separated field list with optional spaces', () => {
    const query = parseQuery('T limit 50 fields eventName, userIdentity.arn,sourceIPAddress');
    expect(query.limit?.value).toBe(50);
    expect(query.fields?.map((field) => field.text)).toEqual(['eventName', 'userIdentity.arn', 'sourceIPAddress']);
  });

  it('takes clauses in any order after the source', () => {
    const query = parseQuery('T last 1h eventName=X limit 5 errorCode=Y');
    expect(query.filters.map((filter) => filter.field.text)).toEqual(['eventName', 'errorCode']);
    expect(query.limit?.value).toBe(5);
    expect(query.time?.kind).toBe('last');
  });

  it('treats a keyword followed by an operator as a field name', () => {
    const query = parseQuery('T limit=5 fields in (a)');
    expect(query.filters.map((filter) => filter.field.text)).toEqual(['limit', 'fields']);
    expect(query.limit).toBeUndefined();
  });
});
