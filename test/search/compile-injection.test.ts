import { toAthenaLiteral } from '../../src/search/athena-backend';
import { compileFor } from './helpers/compile';
import { planOf, rejectionOf } from './helpers/plan';

const hostileValues = ["x' OR '1'='1", "'; DROP TABLE aws_cloudtrail; --", '") OR 1=1 --', "\\'; SELECT * FROM read_csv('/etc/passwd') --", '$1 $$ ? /* */'];

describe('injection attempts', () => {
  describe.each(['duckdb', 'athena'] as const)('in %s values', (dialect) => {
    it.each(hostileValues)('binds %j as a parameter and never writes it into the SQL', (value) => {
      const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      for (const query of [
        `AWS.CloudTrail eventName=${quoted}`,
        `AWS.CloudTrail eventName in (a, ${quoted})`,
        `any user=${quoted}`,
        `AWS.CloudTrail requestParameters.key=${quoted}`,
      ]) {
        const compiled = compileFor(dialect, query);
        expect(compiled.params).toContain(value);
        expect(compiled.sql).not.toContain(value);
        expect(compiled.sql).not.toContain('DROP');
      }
    });

    it('binds glob values, escaping LIKE wildcards, instead of writing them', () => {
      const compiled = compileFor(dialect, `AWS.CloudTrail eventName~"50%_off' --*"`);
      expect(compiled.params).toContain("50\\%\\_off' --%");
      expect(compiled.sql).not.toContain('off');
    });
  });

  it.each([
    ["AWS.CloudTrail eventName'--=x", 'not a valid field name'],
    ['AWS.CloudTrail a"b=x', 'expected an operator after a'],
    ['AWS.CloudTrail userIdentity.arn)OR(1=1', 'expected an operator after userIdentity.arn at ")"'],
    ['AWS.CloudTrail requestParameters.x;DROP=1', 'not a valid field name'],
    ['AWS.CloudTrail "eventName"=x', 'unexpected character'],
    ['AWS.CloudTrail fields eventName,"x"', 'expected a field name after "fields"'],
    ['AWS.CloudTrail fields eventName;DROP', 'not a valid field name'],
    ['AWS.CloudTrail limit 5;DROP', 'expected a row count'],
    ["AWS.CloudTrail since 2024-05-01'--", 'not a date'],
    ['AWS.CloudTrail;DROP', 'unknown log type'],
    ['AWS.CloudTrail;DROP TABLE x', 'expected an operator after TABLE'],
  ])('rejects the hostile name in %j', (query, problem) => {
    expect(rejectionOf(() => planOf(query))).toContain(problem);
  });

  it('renders Athena execution parameters as literals with quotes doubled', () => {
    expect(toAthenaLiteral("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(toAthenaLiteral('back\\slash')).toBe("'back\\slash'");
    expect(toAthenaLiteral(-1.5)).toBe('-1.5');
    expect(toAthenaLiteral(true)).toBe('true');
  });

  it('refuses to render a number that is not finite', () => {
    expect(() => toAthenaLiteral(Number.NaN)).toThrow('cannot bind the number NaN');
  });
});
