import { loadError } from './sigma-helpers';

describe('loading malformed YAML', () => {
  it('names the file and the line of the syntax error', () => {
    const text = ['title: Broken', 'logsource:', '  product: aws', '  service: [cloudtrail', 'level: high', ''].join('\n');
    const error = loadError(text, 'rules/broken.yml');
    expect(error.problems[0]).toMatchObject({ kind: 'yaml', file: 'rules/broken.yml', line: expect.any(Number) });
    expect(error.message).toMatch(/^rules\/broken\.yml:\d+: malformed YAML: /);
  });

  it('points at a duplicate key', () => {
    const text = ['title: Twice', 'level: high', 'level: low', ''].join('\n');
    expect(loadError(text).problems[0]).toMatchObject({ kind: 'yaml', line: 3, message: expect.stringContaining('DUPLICATE_KEY') });
  });

  it('rejects an empty file instead of loading nothing', () => {
    expect(loadError('# just a comment\n').problems[0]).toMatchObject({ kind: 'document', message: 'no Sigma rule in the file (it is empty)' });
  });

  it('carries the stable config error code', () => {
    expect(loadError('title: [').code).toBe('prowl_config_invalid');
  });
});
