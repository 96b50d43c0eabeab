import { isProwlError } from '../../src/errors';
import { parseQuery } from '../../src/search/parse-query';

function errorOf(text: string): string {
  try {
    parseQuery(text);
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_input')) return error.message;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseQuery errors', () => {
  it('names an unknown operator, where it is, and the operators accepted', () => {
    const message = errorOf('AWS.CloudTrail eventName=>x');
    expect(message).toContain('"=>" (character 25)');
    expect(message).toContain('accepted operators: =, !=, ~ (glob), !~, in (a, b), >, >=, <, <=');
  });

  it('rejects a field name with characters outside the identifier grammar', () => {
    expect(errorOf('T event;Name=x')).toContain('not a valid field name at "event;Name"');
    expect(errorOf('T a..b=x')).toContain('not a valid field name at "a..b"');
    expect(errorOf('T 1abc=x')).toContain('not a valid field name at "1abc"');
  });

  it('says a value is missing after an operator', () => {
    expect(errorOf('T eventName=')).toContain('missing value after eventName=');
  });

  it('says when a quoted value is not closed', () => {
    expect(errorOf('T userAgent="aws cli')).toContain('unterminated quoted value at ""aws cli" (character 13)');
  });

  it('says what a duration after last must look like', () => {
    expect(errorOf('T last 24 hours')).toContain('expected a duration after "last" at "24"');
    expect(errorOf('T last 0h')).toContain('accepted: a positive number with m, h or d');
  });

  it('rejects a limit that is not a positive whole number', () => {
    expect(errorOf('T limit ten')).toContain('expected a row count after "limit" at "ten"');
    expect(errorOf('T limit 0')).toContain('expected a row count');
  });

  it('rejects a second time range', () => {
    expect(errorOf('T last 1h since 2024-01-01')).toContain('the time range is given twice at "since"');
  });

  it('rejects until without since', () => {
    expect(errorOf('T until 2024-01-01')).toContain('"until" without "since"');
  });

  it('rejects an in list that is not in parentheses or not closed', () => {
    expect(errorOf('T a in x')).toContain('expected "(" after a in');
    expect(errorOf('T a in (x, y')).toContain('expected "," or ")" in the list for a at the end of the query');
  });

  it('asks for a log type when the query is empty', () => {
    expect(errorOf('   ')).toContain('missing log type');
  });

  it('rejects a word with no operator after it', () => {
    expect(errorOf('T eventName ConsoleLogin')).toContain('expected an operator after eventName at "ConsoleLogin"');
  });
});
