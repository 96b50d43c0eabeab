import { fieldMatcher } from './sigma-helpers';

describe('the all modifier', () => {
  it('requires every value to match instead of any one', () => {
    const matches = fieldMatcher('userAgent|contains|all', ['python', 'boto3']);
    expect(matches({ userAgent: 'Boto3/1.34 md/Botocore#1.34 Python/3.12' })).toBe(true);
    expect(matches({ userAgent: 'Python-urllib/3.12' })).toBe(false);
  });

  it('without it a list matches when any value matches', () => {
    const matches = fieldMatcher('userAgent|contains', ['python', 'boto3']);
    expect(matches({ userAgent: 'Python-urllib/3.12' })).toBe(true);
  });

  it('over an array in the event, needs each value in some element', () => {
    const matches = fieldMatcher('p_any_aws_account_ids|all', ['111111111111', '222222222222']);
    expect(matches({ p_any_aws_account_ids: ['111111111111', '222222222222', '333333333333'] })).toBe(true);
    expect(matches({ p_any_aws_account_ids: ['111111111111'] })).toBe(false);
  });

  it('works with plain values and wildcards alike', () => {
    const matches = fieldMatcher('requestParameters.policyArn|all', ['arn:aws:iam::aws:policy/*', '*Administrator*']);
    expect(matches({ requestParameters: { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } })).toBe(true);
    expect(matches({ requestParameters: { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } })).toBe(false);
  });
});
