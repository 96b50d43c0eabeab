import { classifyAwsError, isAbsent, isEndpointMissing } from '../../src/scan/aws-errors';
import { awsError } from './aws-mocks';

describe('classifyAwsError', () => {
  it.each([
    ['an error the SDK marks as throttling', awsError('SomethingNew', 400, { $retryable: { throttling: true } })],
    ['HTTP 429', awsError('TooManyRequests', 429)],
    ['EC2 RequestLimitExceeded', awsError('RequestLimitExceeded', 503)],
    ['S3 SlowDown', awsError('SlowDown', 503)],
  ])('reads %s as throttled', (_label, error) => {
    expect(classifyAwsError(error)).toBe('throttled');
  });

  it.each([
    ['IAM and S3 AccessDenied', awsError('AccessDenied', 403)],
    ['KMS AccessDeniedException', awsError('AccessDeniedException', 400)],
    ['EC2 UnauthorizedOperation', awsError('UnauthorizedOperation', 403)],
    ['any HTTP 403', awsError('Forbidden', 403)],
  ])('reads %s as access denied', (_label, error) => {
    expect(classifyAwsError(error)).toBe('access-denied');
  });

  it('reads anything else, including non-AWS errors, as other', () => {
    expect(classifyAwsError(awsError('InternalError', 500))).toBe('other');
    expect(classifyAwsError(new TypeError('x is undefined'))).toBe('other');
    expect(classifyAwsError('a string')).toBe('other');
  });
});

describe('isAbsent', () => {
  it('matches only the listed not-configured codes', () => {
    expect(isAbsent(awsError('NoSuchBucketPolicy', 404), ['NoSuchBucketPolicy'])).toBe(true);
    expect(isAbsent(awsError('NoSuchBucket', 404), ['NoSuchBucketPolicy'])).toBe(false);
    expect(isAbsent(new Error('NoSuchBucketPolicy'), ['NoSuchBucketPolicy'])).toBe(false);
  });
});

describe('isEndpointMissing', () => {
  it('recognizes a service without an endpoint in the region, and nothing AWS answered', () => {
    expect(isEndpointMissing(Object.assign(new Error('getaddrinfo ENOTFOUND waf-regional.ap-southeast-3.amazonaws.com'), { code: 'ENOTFOUND' }))).toBe(true);
    expect(isEndpointMissing(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toBe(false);
    expect(isEndpointMissing(awsError('AccessDeniedException', 403))).toBe(false);
    expect(isEndpointMissing('ENOTFOUND')).toBe(false);
  });
});
