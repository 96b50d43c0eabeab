import { detectionError, fieldMatcher } from './sigma-helpers';

const count = (value: unknown): Record<string, unknown> => ({ requestParameters: { maxResults: value } });

describe('the gt, gte, lt and lte modifiers', () => {
  it('compare numbers', () => {
    expect(fieldMatcher('requestParameters.maxResults|gt', 100)(count(101))).toBe(true);
    expect(fieldMatcher('requestParameters.maxResults|gt', 100)(count(100))).toBe(false);
    expect(fieldMatcher('requestParameters.maxResults|gte', 100)(count(100))).toBe(true);
    expect(fieldMatcher('requestParameters.maxResults|lt', 100)(count(99.5))).toBe(true);
    expect(fieldMatcher('requestParameters.maxResults|lt', 100)(count(100))).toBe(false);
    expect(fieldMatcher('requestParameters.maxResults|lte', 100)(count(100))).toBe(true);
  });

  it('read numbers written as text, in the event and in the rule', () => {
    expect(fieldMatcher('requestParameters.maxResults|gt', '100')(count('250'))).toBe(true);
  });

  it('never match text that is not a number, nor a missing field', () => {
    const matches = fieldMatcher('requestParameters.maxResults|gte', 0);
    expect(matches(count('many'))).toBe(false);
    expect(matches(count(''))).toBe(false);
    expect(matches({})).toBe(false);
  });

  it('fail to load a bound that is not a number', () => {
    const error = detectionError({ selection: { 'requestParameters.maxResults|gt': 'ten' }, condition: 'selection' });
    expect(error.problems[0]).toMatchObject({ kind: 'value', message: '"gt" needs a number, not string "ten"' });
  });
});
