import { matcher } from './sigma-helpers';

describe('Sigma selections', () => {
  it('AND the fields of a map', () => {
    const matches = matcher({ selection: { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' }, condition: 'selection' });
    expect(matches({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' })).toBe(true);
    expect(matches({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StartLogging' })).toBe(false);
    expect(matches({ eventSource: 'ec2.amazonaws.com', eventName: 'StopLogging' })).toBe(false);
  });

  it('OR the values of a list', () => {
    const matches = matcher({ selection: { eventName: ['StopLogging', 'DeleteTrail'] }, condition: 'selection' });
    expect(matches({ eventName: 'DeleteTrail' })).toBe(true);
    expect(matches({ eventName: 'UpdateTrail' })).toBe(false);
  });

  it('OR the maps of a list of maps', () => {
    const matches = matcher({
      selection: [
        { eventSource: 'guardduty.amazonaws.com', eventName: 'DeleteDetector' },
        { eventSource: 'securityhub.amazonaws.com', eventName: 'DisableSecurityHub' },
      ],
      condition: 'selection',
    });
    expect(matches({ eventSource: 'securityhub.amazonaws.com', eventName: 'DisableSecurityHub' })).toBe(true);
    expect(matches({ eventSource: 'guardduty.amazonaws.com', eventName: 'DisableSecurityHub' })).toBe(false);
  });

  it('read dotted field names as paths into the event', () => {
    const matches = matcher({ selection: { 'userIdentity.type': 'Root', 'requestParameters.bucketName': 'audit-logs' }, condition: 'selection' });
    expect(matches({ userIdentity: { type: 'Root' }, requestParameters: { bucketName: 'audit-logs' } })).toBe(true);
    expect(matches({ userIdentity: { type: 'Root' }, requestParameters: null })).toBe(false);
  });

  it('match a field holding an array when any element matches', () => {
    const matches = matcher({ selection: { 'resources.ARN|endswith': ':trail/org-trail' }, condition: 'selection' });
    expect(matches({ resources: [{ ARN: 'arn:aws:s3:::bucket' }, { ARN: 'arn:aws:cloudtrail:us-east-1:1:trail/org-trail' }] })).toBe(true);
    expect(matches({ resources: [{ ARN: 'arn:aws:s3:::bucket' }] })).toBe(false);
  });

  it('walk arrays in the middle of a path', () => {
    // \* is a literal star; a bare * would be a wildcard matching any principal.
    const matches = matcher({ selection: { 'requestParameters.bucketPolicy.Statement.Principal.AWS': '\\*' }, condition: 'selection' });
    const policy = (principals: unknown[]): Record<string, unknown> => ({
      requestParameters: { bucketPolicy: { Statement: principals.map((Principal) => ({ Principal })) } },
    });
    expect(matches(policy([{ AWS: 'arn:aws:iam::1:root' }, { AWS: ['arn:aws:iam::2:root', '*'] }]))).toBe(true);
    expect(matches(policy([{ AWS: 'arn:aws:iam::1:root' }, { Service: 'logs.amazonaws.com' }]))).toBe(false);
  });

  it('compare booleans and numbers with values written either way in the event', () => {
    const readOnly = matcher({ selection: { readOnly: false }, condition: 'selection' });
    expect(readOnly({ readOnly: false })).toBe(true);
    expect(readOnly({ readOnly: 'False' })).toBe(true);
    expect(readOnly({ readOnly: true })).toBe(false);
    const port = matcher({ selection: { 'requestParameters.fromPort': 22 }, condition: 'selection' });
    expect(port({ requestParameters: { fromPort: 22 } })).toBe(true);
    expect(port({ requestParameters: { fromPort: '22' } })).toBe(true);
    expect(port({ requestParameters: { fromPort: 2222 } })).toBe(false);
  });

  it('match an empty string only against an empty string', () => {
    const matches = matcher({ selection: { errorMessage: '' }, condition: 'selection' });
    expect(matches({ errorMessage: '' })).toBe(true);
    expect(matches({})).toBe(false);
  });

  it('never read inherited properties as fields', () => {
    const matches = matcher({ selection: { 'constructor|exists': true }, condition: 'selection' });
    expect(matches({ eventName: 'x' })).toBe(false);
  });
});
