import { detectionError, matcher } from './sigma-helpers';

const event = {
  eventName: 'RunInstances',
  userAgent: 'Boto3/1.34 Python/3.12 Linux/6.1.0-kali9-amd64',
  requestParameters: { tagSpecificationSet: { items: [{ tags: [{ key: 'Name', value: 'miner-01' }] }] } },
  p_source_label: 'kali-watch',
};

describe('Sigma keyword searches', () => {
  it('find a keyword anywhere in any string of the event, ignoring case', () => {
    expect(matcher({ keywords: ['KALI'], condition: 'keywords' })(event)).toBe(true);
    expect(matcher({ keywords: ['MINER'], condition: 'keywords' })(event)).toBe(true);
    expect(matcher({ keywords: ['parrot'], condition: 'keywords' })(event)).toBe(false);
  });

  it('match when any keyword of the list is found', () => {
    expect(matcher({ keywords: ['parrot', 'miner'], condition: 'keywords' })(event)).toBe(true);
  });

  it('accept a single keyword written as a plain value', () => {
    expect(matcher({ keywords: 'miner', condition: 'keywords' })(event)).toBe(true);
  });

  it('leave out Prowl’s own p_ fields', () => {
    expect(matcher({ keywords: ['kali-watch'], condition: 'keywords' })(event)).toBe(false);
  });

  it('take modifiers through an empty field name', () => {
    expect(matcher({ keywords: { '|all': ['kali', 'miner'] }, condition: 'keywords' })(event)).toBe(true);
    expect(matcher({ keywords: { '|all': ['kali', 'parrot'] }, condition: 'keywords' })(event)).toBe(false);
    expect(matcher({ keywords: { '|re': '^miner-\\d+$' }, condition: 'keywords' })(event)).toBe(true);
  });

  it('combine with field selections in a condition', () => {
    const matches = matcher({ selection: { eventName: 'RunInstances' }, keywords: ['miner'], condition: 'selection and keywords' });
    expect(matches(event)).toBe(true);
    expect(matches({ ...event, eventName: 'StopInstances' })).toBe(false);
  });

  it('refuse to mix keywords and maps in one list', () => {
    const error = detectionError({ keywords: ['miner', { eventName: 'x' }], condition: 'keywords' });
    expect(error.problems[0]).toMatchObject({ kind: 'value', where: 'detection.keywords', message: expect.stringContaining('not a mix of both') });
  });
});
