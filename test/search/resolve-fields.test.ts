import { planOf, rejectionOf } from './helpers/plan';

const firstTest = (text: string): unknown => {
  const [condition] = planOf(text).conditions;
  return condition?.kind === 'test' ? condition : undefined;
};

describe('resolveQuery field checking', () => {
  it('accepts top-level and nested schema fields', () => {
    expect(firstTest('AWS.CloudTrail userIdentity.arn=x')).toMatchObject({ field: { name: 'userIdentity.arn', path: ['userIdentity', 'arn'], jsonFrom: 2 } });
  });

  it('corrects the case of a known field name', () => {
    expect(firstTest('AWS.CloudTrail eventname=ConsoleLogin')).toMatchObject({ field: { name: 'eventName' } });
  });

  it('finds the log type by case-insensitive name or table name', () => {
    expect(planOf('aws.cloudtrail').sources[0]!.name).toBe('AWS.CloudTrail');
    expect(planOf('aws_cloudtrail').sources[0]!.name).toBe('AWS.CloudTrail');
  });

  it('rejects an unknown log type and lists the accepted ones', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrial'))).toContain(
      'unknown log type at "AWS.CloudTrial" (character 1); accepted: any, AWS.CloudTrail, Test.Flow',
    );
  });

  it('rejects a typo and suggests the field meant', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail evntName=x'))).toContain(
      'AWS.CloudTrail has no field "evntName" at "evntName" (character 16); did you mean eventName?',
    );
  });

  it('rejects top-level fields the schema does not declare, even though loose schemas keep them', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail tlsDetails.tlsVersion=x'))).toMatch(/has no field "tlsDetails".*known fields: eventVersion, eventTime/);
  });

  it('rejects an unknown key below a declared object with a suggestion', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail userIdentity.arnn=x'))).toContain('did you mean userIdentity.arn?');
  });

  it('accepts any key inside a free-form map and keeps its case', () => {
    expect(firstTest('AWS.CloudTrail requestParameters.bucketName=b')).toMatchObject({
      field: { name: 'requestParameters.bucketName', path: ['requestParameters', 'bucketName'], jsonFrom: 1 },
    });
  });

  it('rejects a path into list items', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail resources.ARN=x'))).toContain('resources is a list; fields inside list items cannot be searched');
  });

  it('rejects comparing a whole object and points at its fields', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail userIdentity=x'))).toContain(
      'userIdentity is an object and cannot be compared at "userIdentity" (character 16); filter on a field inside it, e.g. userIdentity.type',
    );
  });

  it('points indicator shortcuts used on a log type to any or the p_any column', () => {
    expect(rejectionOf(() => planOf('AWS.CloudTrail ip=1.2.3.4'))).toContain(
      'indicator shortcuts such as ip= work with any; on a log type use p_any_ip_addresses',
    );
  });

  it('accepts p_ fields on every log type', () => {
    expect(firstTest('Test.Flow p_source_label=x')).toMatchObject({ field: { name: 'p_source_label' } });
    expect(firstTest('AWS.CloudTrail p_any_aws_arns=arn:aws:iam::1:root')).toMatchObject({ field: { list: true } });
  });
});

describe('resolveQuery for any', () => {
  it('maps indicator shortcuts to their p_any columns', () => {
    expect(firstTest('any ip=1.2.3.4')).toMatchObject({ field: { name: 'p_any_ip_addresses', list: true } });
    expect(firstTest('any key=AKIAEXAMPLE')).toMatchObject({ field: { name: 'p_any_trace_ids' } });
    expect(firstTest('any account=111122223333')).toMatchObject({ field: { name: 'p_any_aws_account_ids' } });
  });

  it('searches both hash columns for hash=, lowercased as ingest stores them', () => {
    const [condition] = planOf('any hash=ABCDEF0123456789ABCDEF0123456789').conditions;
    expect(condition).toMatchObject({
      kind: 'or',
      conditions: [
        { field: { name: 'p_any_sha256_hashes' }, test: { kind: 'equals', value: 'abcdef0123456789abcdef0123456789' } },
        { field: { name: 'p_any_md5_hashes' }, test: { kind: 'equals', value: 'abcdef0123456789abcdef0123456789' } },
      ],
    });
  });

  it('searches every log type in the catalog', () => {
    expect(planOf('any ip=1.2.3.4').sources.map((source) => source.table)).toEqual(['aws_cloudtrail', 'test_flow']);
  });

  it('rejects schema fields and lists what any accepts', () => {
    expect(rejectionOf(() => planOf('any eventName=x'))).toContain(
      'unknown field for any at "eventName" (character 5); accepted with any: ip, arn, account, user, key, domain, email, hash',
    );
  });

  it('rejects nested fields', () => {
    expect(rejectionOf(() => planOf('any userIdentity.arn=x'))).toContain('any searches cannot use nested fields');
  });
});
