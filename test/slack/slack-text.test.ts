import { typedText } from '../../src/slack/slack-text';

describe('text of a slash command', () => {
  it('gets back the comparison operators Slack escaped', () => {
    expect(typedText('search AWS.CloudTrail p_event_time&gt;2026-11-01 errorCode&lt;&gt;x a&amp;b')).toBe(
      'search AWS.CloudTrail p_event_time>2026-11-01 errorCode<>x a&b',
    );
  });

  it('gets back addresses and URLs Slack turned into links', () => {
    expect(typedText('search any email=<mailto:alice@example.com|alice@example.com>')).toBe('search any email=alice@example.com');
    expect(typedText('search any domain=<http://evil.example|evil.example>')).toBe('search any domain=evil.example');
    expect(typedText('search any domain=<https://evil.example>')).toBe('search any domain=https://evil.example');
  });

  it('gets back channels picked from the list, and keeps the id of a person picked from it', () => {
    expect(typedText('route set payments channel=<#C0PAY123|pay-sec>')).toBe('route set payments channel=#pay-sec');
    expect(typedText('assign #42 <@U0PAT123|pat>')).toBe('assign #42 <@U0PAT123|pat>');
  });

  it('leaves ordinary text alone', () => {
    expect(typedText('ack AWS.CloudTrail.RootConsoleLogin-0123456789abcdef')).toBe('ack AWS.CloudTrail.RootConsoleLogin-0123456789abcdef');
  });
});
