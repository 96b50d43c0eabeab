import { fieldMatcher, matcher } from './sigma-helpers';

describe('the fieldref modifier', () => {
  it('compares a field with another field of the same event, case-insensitively', () => {
    const matches = fieldMatcher('userIdentity.userName|fieldref', 'requestParameters.userName');
    expect(matches({ userIdentity: { userName: 'Alice' }, requestParameters: { userName: 'alice' } })).toBe(true);
    expect(matches({ userIdentity: { userName: 'alice' }, requestParameters: { userName: 'bob' } })).toBe(false);
  });

  it('matches nothing when either field is missing, with or without neq', () => {
    expect(fieldMatcher('userIdentity.userName|fieldref', 'requestParameters.userName')({ userIdentity: { userName: 'alice' } })).toBe(false);
    expect(fieldMatcher('userIdentity.userName|fieldref|neq', 'requestParameters.userName')({ userIdentity: { userName: 'alice' } })).toBe(false);
    expect(fieldMatcher('userIdentity.userName|fieldref', 'requestParameters.userName')({ requestParameters: { userName: 'alice' } })).toBe(false);
  });

  it('runs the SigmaHQ pattern "selection and not filter" where the filter is a fieldref: someone changing another user’s password', () => {
    const matches = matcher({
      selection: { eventSource: 'iam.amazonaws.com', eventName: 'UpdateLoginProfile' },
      filter_main_user_identity: { 'userIdentity.userName|fieldref': 'requestParameters.userName' },
      condition: 'selection and not 1 of filter_main_*',
    });
    const update = (actor: string, target: string): Record<string, unknown> => ({
      eventSource: 'iam.amazonaws.com',
      eventName: 'UpdateLoginProfile',
      userIdentity: { userName: actor },
      requestParameters: { userName: target },
    });
    expect(matches(update('mallory', 'alice'))).toBe(true);
    expect(matches(update('alice', 'alice'))).toBe(false);
  });

  it('combines with neq, cased, contains, startswith and endswith', () => {
    const event = {
      userIdentity: { arn: 'arn:aws:iam::123456789012:user/Alice' },
      requestParameters: { userName: 'Alice', lower: 'alice', account: 'arn:aws:iam::123456789012' },
    };
    expect(fieldMatcher('userIdentity.arn|fieldref|neq', 'requestParameters.userName')(event)).toBe(true);
    expect(fieldMatcher('userIdentity.arn|fieldref|endswith', 'requestParameters.lower')(event)).toBe(true);
    expect(fieldMatcher('userIdentity.arn|fieldref|endswith|cased', 'requestParameters.lower')(event)).toBe(false);
    expect(fieldMatcher('userIdentity.arn|fieldref|contains|cased', 'requestParameters.userName')(event)).toBe(true);
    expect(fieldMatcher('userIdentity.arn|fieldref|startswith', 'requestParameters.account')(event)).toBe(true);
  });

  it('matches when any value of an array field equals the other field; with all, every referenced field must match', () => {
    const event = { resources: [{ ARN: 'arn:a' }, { ARN: 'arn:b' }], requestParameters: { target: 'ARN:B', other: 'arn:a' } };
    expect(fieldMatcher('resources.ARN|fieldref', 'requestParameters.target')(event)).toBe(true);
    expect(fieldMatcher('resources.ARN|fieldref|all', ['requestParameters.target', 'requestParameters.other'])(event)).toBe(true);
    expect(fieldMatcher('resources.ARN|fieldref|all', ['requestParameters.target', 'requestParameters.missing'])(event)).toBe(false);
  });
});
