import { stringify } from 'yaml';
import { detectionError, loadError, sigmaDocument } from './sigma-helpers';

const selection = { selection: { eventName: 'ConsoleLogin' } };

describe('loading Sigma constructs Prowl does not run', () => {
  it('refuses a correlation rule on its own, as it needs the rules it reads (loadSigmaRules binds them)', () => {
    const text = stringify({
      title: 'Many logins',
      correlation: { type: 'event_count', rules: ['x'], 'group-by': ['sourceIPAddress'], timespan: '5m', condition: { gte: 10 } },
    });
    expect(loadError(text, 'rules/corr.yml').problems).toEqual([
      expect.objectContaining({ kind: 'document', file: 'rules/corr.yml', message: expect.stringContaining('correlations need their rules') }),
    ]);
  });

  it('rejects Sigma filters (meta-rules)', () => {
    const text = stringify({
      title: 'Filter',
      logsource: { product: 'aws', service: 'cloudtrail' },
      filter: { rules: ['x'], selection: { eventName: 'x' }, condition: 'not selection' },
    });
    expect(loadError(text).problems[0]).toMatchObject({ kind: 'unsupported', where: 'filter' });
  });

  it('rejects rule collections with action: global', () => {
    expect(loadError(stringify({ action: 'global', title: 'Base' })).problems[0]).toMatchObject({ kind: 'unsupported', where: 'action' });
  });

  it('rejects timeframe, with the line it is on', () => {
    const text = sigmaDocument({ ...selection, timeframe: '5m', condition: 'selection' });
    const problem = loadError(text).problems[0];
    expect(problem).toMatchObject({ kind: 'unsupported', where: 'detection.timeframe' });
    expect(text.split('\n')[problem!.line! - 1]).toContain('timeframe: 5m');
  });

  it('rejects aggregations in the condition, quoting them', () => {
    const problem = detectionError({ ...selection, condition: 'selection | count(sourceIPAddress) by userIdentity.arn > 5' }).problems[0];
    expect(problem).toMatchObject({
      kind: 'unsupported',
      where: 'detection.condition',
      message: expect.stringContaining('aggregation "| count(sourceIPAddress) by userIdentity.arn > 5" at column 11'),
    });
  });

  it('rejects near, in either spelling', () => {
    expect(detectionError({ ...selection, other: { eventName: 'x' }, condition: 'selection | near other' }).problems[0]).toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('near'),
    });
    expect(detectionError({ ...selection, other: { eventName: 'x' }, condition: 'selection and near other' }).problems[0]).toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('"near"'),
    });
  });
});
