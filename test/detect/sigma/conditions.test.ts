import { matcher } from './sigma-helpers';

const searches = {
  selection_stop: { eventName: 'StopLogging' },
  selection_delete: { eventName: 'DeleteTrail' },
  filter_failed: { 'errorCode|exists': true },
  filter_automation: { 'userIdentity.invokedBy': 'cloudformation.amazonaws.com' },
  _helper: { eventName: 'UpdateTrail' },
};

const event = (fields: Record<string, unknown>): Record<string, unknown> => ({ eventSource: 'cloudtrail.amazonaws.com', ...fields });

describe('Sigma conditions', () => {
  it('combine identifiers with and, or and not', () => {
    const matches = matcher({ ...searches, condition: 'selection_stop or selection_delete and not filter_failed' });
    expect(matches(event({ eventName: 'StopLogging', errorCode: 'AccessDenied' }))).toBe(true);
    expect(matches(event({ eventName: 'DeleteTrail' }))).toBe(true);
    expect(matches(event({ eventName: 'DeleteTrail', errorCode: 'AccessDenied' }))).toBe(false);
  });

  it('bind and tighter than or, and parentheses tighter than both', () => {
    const matches = matcher({ ...searches, condition: '(selection_stop or selection_delete) and not filter_failed' });
    expect(matches(event({ eventName: 'StopLogging', errorCode: 'AccessDenied' }))).toBe(false);
    expect(matches(event({ eventName: 'StopLogging' }))).toBe(true);
  });

  it('apply not to the identifier or group right after it', () => {
    const matches = matcher({ ...searches, condition: 'not (filter_failed or filter_automation) and selection_stop' });
    expect(matches(event({ eventName: 'StopLogging' }))).toBe(true);
    expect(matches(event({ eventName: 'StopLogging', userIdentity: { invokedBy: 'cloudformation.amazonaws.com' } }))).toBe(false);
  });

  it('allow not to be repeated', () => {
    expect(matcher({ ...searches, condition: 'not not selection_stop' })(event({ eventName: 'StopLogging' }))).toBe(true);
  });

  it('read operators in any case', () => {
    expect(matcher({ ...searches, condition: 'selection_stop AND NOT filter_failed' })(event({ eventName: 'StopLogging' }))).toBe(true);
  });

  it('match 1 of a pattern when any matching identifier matches', () => {
    const matches = matcher({ ...searches, condition: '1 of selection_* and not 1 of filter_*' });
    expect(matches(event({ eventName: 'DeleteTrail' }))).toBe(true);
    expect(matches(event({ eventName: 'DeleteTrail', errorCode: 'AccessDenied' }))).toBe(false);
    expect(matches(event({ eventName: 'CreateTrail' }))).toBe(false);
  });

  it('match all of a pattern only when every matching identifier matches', () => {
    const matches = matcher({ ...searches, condition: 'all of filter_*' });
    expect(matches(event({ errorCode: 'x', userIdentity: { invokedBy: 'cloudformation.amazonaws.com' } }))).toBe(true);
    expect(matches(event({ errorCode: 'x' }))).toBe(false);
  });

  it('match 1 of them over every identifier not starting with an underscore', () => {
    const matches = matcher({ selection_stop: searches.selection_stop, _helper: searches._helper, condition: '1 of them' });
    expect(matches(event({ eventName: 'StopLogging' }))).toBe(true);
    expect(matches(event({ eventName: 'UpdateTrail' }))).toBe(false);
  });

  it('match all of them only when every identifier not starting with an underscore matches', () => {
    const matches = matcher({ a: { eventName: 'StopLogging' }, b: { 'errorCode|exists': false }, _c: { eventName: 'Other' }, condition: 'all of them' });
    expect(matches(event({ eventName: 'StopLogging' }))).toBe(true);
    expect(matches(event({ eventName: 'StopLogging', errorCode: 'x' }))).toBe(false);
  });

  it('treat a list of conditions as alternatives', () => {
    const matches = matcher({ ...searches, condition: ['selection_stop', 'selection_delete and filter_failed'] });
    expect(matches(event({ eventName: 'StopLogging' }))).toBe(true);
    expect(matches(event({ eventName: 'DeleteTrail', errorCode: 'x' }))).toBe(true);
    expect(matches(event({ eventName: 'DeleteTrail' }))).toBe(false);
  });
});
