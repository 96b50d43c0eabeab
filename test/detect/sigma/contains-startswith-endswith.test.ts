import { fieldMatcher } from './sigma-helpers';

describe('the contains, startswith and endswith modifiers', () => {
  it('contains matches the value anywhere, ignoring case', () => {
    const matches = fieldMatcher('userAgent|contains', 'Pacu');
    expect(matches({ userAgent: 'Boto3/1.26 Python/3.11 pacu/1.5' })).toBe(true);
    expect(matches({ userAgent: 'aws-cli/2.15.0' })).toBe(false);
  });

  it('startswith matches at the start only', () => {
    const matches = fieldMatcher('eventName|startswith', 'Delete');
    expect(matches({ eventName: 'deleteTrail' })).toBe(true);
    expect(matches({ eventName: 'UndoDelete' })).toBe(false);
  });

  it('endswith matches at the end only', () => {
    const matches = fieldMatcher('userIdentity.arn|endswith', ':root');
    expect(matches({ userIdentity: { arn: 'arn:aws:iam::123456789012:root' } })).toBe(true);
    expect(matches({ userIdentity: { arn: 'arn:aws:iam::123456789012:root/x' } })).toBe(false);
  });

  it('keep wildcards inside the value working', () => {
    const matches = fieldMatcher('requestParameters.roleArn|contains', 'role/*Admin');
    expect(matches({ requestParameters: { roleArn: 'arn:aws:iam::1:role/OrgAdmin-x' } })).toBe(true);
    expect(matches({ requestParameters: { roleArn: 'arn:aws:iam::1:role/Reader' } })).toBe(false);
  });

  it('match any of a list of values', () => {
    const matches = fieldMatcher('eventName|startswith', ['Stop', 'Delete']);
    expect(matches({ eventName: 'StopLogging' })).toBe(true);
    expect(matches({ eventName: 'DeleteTrail' })).toBe(true);
    expect(matches({ eventName: 'CreateTrail' })).toBe(false);
  });

  it('compare numbers in the event as text', () => {
    expect(fieldMatcher('requestParameters.port|startswith', '44')({ requestParameters: { port: 443 } })).toBe(true);
  });

  it('never match a missing field or a map', () => {
    const matches = fieldMatcher('requestParameters|contains', 'x');
    expect(matches({})).toBe(false);
    expect(matches({ requestParameters: { x: 'x' } })).toBe(false);
  });
});
