import { documentGrantsEverything, policyStatements, principalAccount, roleArnOfSession } from '../../detections/lib/fields';

const document = {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: { AWS: ['arn:aws:iam::444455556666:root', '111122223333'] },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
  },
};

describe('policy documents as CloudTrail records them', () => {
  it('reads an object, a JSON string and a URL-encoded JSON string alike', () => {
    const asText = JSON.stringify(document);
    const expected = policyStatements(document);
    expect(expected).toEqual([
      {
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        notActions: [],
        resources: [],
        awsPrincipals: ['arn:aws:iam::444455556666:root', '111122223333'],
        servicePrincipals: [],
        federatedPrincipals: [],
        hasCondition: true,
        conditionKeys: ['sts:externalid'],
      },
    ]);
    expect(policyStatements(asText)).toEqual(expected);
    expect(policyStatements(encodeURIComponent(asText))).toEqual(expected);
  });

  it('reads a bare "*" principal as everyone', () => {
    expect(policyStatements({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] })[0]!.awsPrincipals).toEqual(['*']);
  });

  it('gives no statements for a document it cannot read, rather than throwing', () => {
    expect(policyStatements('{"Statement": [')).toEqual([]);
    expect(policyStatements('%E0%A4%A')).toEqual([]);
    expect(policyStatements(undefined)).toEqual([]);
    expect(policyStatements({ Statement: 'nonsense' })).toEqual([
      {
        effect: '',
        actions: [],
        notActions: [],
        resources: [],
        awsPrincipals: [],
        servicePrincipals: [],
        federatedPrincipals: [],
        hasCondition: false,
        conditionKeys: [],
      },
    ]);
  });

  it('treats only an allow of every action on every resource as full admin', () => {
    expect(documentGrantsEverything({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })).toBe(true);
    expect(documentGrantsEverything({ Statement: [{ Effect: 'Allow', Action: ['s3:*', '*:*'], Resource: ['*'] }] })).toBe(true);
    expect(documentGrantsEverything({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }] })).toBe(false);
    expect(documentGrantsEverything({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Action: '*', Resource: '*' }] })).toBe(false);
    expect(documentGrantsEverything({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })).toBe(false);
  });

  it('finds the account of a principal written as an id or an ARN', () => {
    expect(principalAccount('444455556666')).toBe('444455556666');
    expect(principalAccount('arn:aws:iam::444455556666:role/x')).toBe('444455556666');
    expect(principalAccount('arn:aws:iam::aws:policy/AdministratorAccess')).toBeUndefined();
    expect(principalAccount('*')).toBeUndefined();
  });

  it('names the role behind a role session and leaves other ARNs alone', () => {
    expect(roleArnOfSession('arn:aws:sts::123456789012:assumed-role/DataPipeline/i-0abc')).toBe('arn:aws:iam::123456789012:role/DataPipeline');
    expect(roleArnOfSession('arn:aws-us-gov:sts::123456789012:assumed-role/R/s')).toBe('arn:aws-us-gov:iam::123456789012:role/R');
    expect(roleArnOfSession('arn:aws:iam::123456789012:user/bob')).toBe('arn:aws:iam::123456789012:user/bob');
  });
});
