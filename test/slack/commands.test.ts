import { isProwlError } from '../../src/errors';
import { parseCommand, tokenize } from '../../src/slack/commands';

function misuse(text: string): string {
  try {
    parseCommand(text);
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_command')) return error.message;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('/prowl commands', () => {
  it('default to help', () => {
    expect(parseCommand('')).toEqual({ name: 'help' });
  });

  it('parse ack, unack and resolve with a reason and a quoted note', () => {
    expect(parseCommand('ack AWS.CloudTrail.X-0123456789abcdef')).toEqual({ name: 'ack', alertId: 'AWS.CloudTrail.X-0123456789abcdef' });
    expect(parseCommand('unack a-1')).toEqual({ name: 'unack', alertId: 'a-1' });
    expect(parseCommand('resolve a-1 false-positive "CI role" again')).toEqual({ name: 'resolve', alertId: 'a-1', reason: 'false-positive', note: 'CI role again' });
    expect(parseCommand('resolve a-1')).toMatchObject({ reason: 'true-positive' });
  });

  it('parse alert listings by state', () => {
    expect(parseCommand('alerts')).toEqual({ name: 'alerts', status: 'OPEN' });
    expect(parseCommand('alerts acked')).toEqual({ name: 'alerts', status: 'ACKNOWLEDGED' });
  });

  it('explain misuse with the usage line', () => {
    expect(misuse('ack')).toBe('an alert id is missing.\nUsage: /prowl ack <alert-id> — acknowledge an open alert');
    expect(misuse('resolve a-1 maybe')).toMatch(/unknown reason "maybe"; use one of true-positive, benign/);
    expect(misuse('ack <script>')).toMatch(/is not an alert id/);
    expect(misuse('alerts sideways')).toMatch(/unknown state "sideways"/);
  });

  it('list what exists when the command is unknown', () => {
    expect(misuse('frobnicate')).toMatch(/^unknown command "frobnicate". Try one of:\n\/prowl help/);
  });

  it('tokenize keeps quoted phrases together', () => {
    expect(tokenize('a "b c" d')).toEqual(['a', 'b c', 'd']);
  });
});
