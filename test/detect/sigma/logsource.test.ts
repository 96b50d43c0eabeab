import { loadError, sigmaDocument, sigmaRule } from './sigma-helpers';

const onlySelection = { selection: { eventName: 'x' }, condition: 'selection' };
const logTypeOf = (logsource: Record<string, unknown>): readonly string[] => sigmaRule(onlySelection, { logsource }).logTypes;

describe('Sigma logsource', () => {
  it('maps product aws, service cloudtrail to AWS.CloudTrail', () => {
    expect(logTypeOf({ product: 'aws', service: 'cloudtrail' })).toEqual(['AWS.CloudTrail']);
  });

  it('maps the services of the other AWS log types, in their usual spellings', () => {
    expect(logTypeOf({ product: 'aws', service: 's3' })).toEqual(['AWS.S3ServerAccess']);
    expect(logTypeOf({ product: 'aws', service: 's3_server_access' })).toEqual(['AWS.S3ServerAccess']);
    expect(logTypeOf({ product: 'aws', service: 'vpcflow' })).toEqual(['AWS.VPCFlow']);
    expect(logTypeOf({ product: 'aws', service: 'vpc_flow' })).toEqual(['AWS.VPCFlow']);
    expect(logTypeOf({ product: 'aws', service: 'alb' })).toEqual(['AWS.ALB']);
    expect(logTypeOf({ product: 'aws', service: 'elb' })).toEqual(['AWS.ALB']);
    expect(logTypeOf({ product: 'aws', service: 'guardduty' })).toEqual(['AWS.GuardDuty']);
  });

  it('ignores case and the free-text definition', () => {
    expect(logTypeOf({ product: 'AWS', service: 'CloudTrail', definition: 'management and data events' })).toEqual(['AWS.CloudTrail']);
  });

  it('rejects an unknown logsource, naming the file and listing the accepted ones', () => {
    const error = loadError(sigmaDocument(onlySelection, { logsource: { product: 'windows', service: 'security' } }), 'rules/win.yml');
    expect(error.problems).toEqual([expect.objectContaining({ kind: 'logsource', file: 'rules/win.yml', where: 'logsource' })]);
    expect(error.message).toContain('no Prowl log type for logsource { product: windows, service: security }');
    expect(error.message).toContain('"cloudtrail" (AWS.CloudTrail)');
    expect(error.message).toContain('"guardduty" (AWS.GuardDuty)');
  });

  it('rejects a logsource given by category, which has no AWS counterpart', () => {
    const error = loadError(sigmaDocument(onlySelection, { logsource: { product: 'aws', service: 'cloudtrail', category: 'process_creation' } }));
    expect(error.problems[0]).toMatchObject({ kind: 'logsource', message: expect.stringContaining('category: process_creation') });
  });

  it('rejects product aws without a service', () => {
    expect(loadError(sigmaDocument(onlySelection, { logsource: { product: 'aws' } })).problems[0]?.kind).toBe('logsource');
  });
});
