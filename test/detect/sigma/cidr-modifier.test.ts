import { detectionError, fieldMatcher } from './sigma-helpers';

describe('the cidr modifier', () => {
  it('matches IPv4 addresses inside the range', () => {
    const matches = fieldMatcher('sourceIPAddress|cidr', '10.0.0.0/8');
    expect(matches({ sourceIPAddress: '10.20.30.40' })).toBe(true);
    expect(matches({ sourceIPAddress: '11.0.0.1' })).toBe(false);
  });

  it('matches any of several ranges, host bits in the range ignored', () => {
    const matches = fieldMatcher('sourceIPAddress|cidr', ['192.168.1.77/24', '172.16.0.0/12']);
    expect(matches({ sourceIPAddress: '192.168.1.5' })).toBe(true);
    expect(matches({ sourceIPAddress: '172.31.255.255' })).toBe(true);
    expect(matches({ sourceIPAddress: '172.32.0.0' })).toBe(false);
  });

  it('matches IPv6 addresses inside the range', () => {
    const matches = fieldMatcher('sourceIPAddress|cidr', '2001:db8::/32');
    expect(matches({ sourceIPAddress: '2001:db8:abcd::1' })).toBe(true);
    expect(matches({ sourceIPAddress: '2001:db9::1' })).toBe(false);
  });

  it('compares an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(fieldMatcher('sourceIPAddress|cidr', '10.0.0.0/8')({ sourceIPAddress: '::ffff:10.1.2.3' })).toBe(true);
  });

  it('treats a bare address as that one host, and /0 as everything of its family', () => {
    expect(fieldMatcher('sourceIPAddress|cidr', '198.51.100.7')({ sourceIPAddress: '198.51.100.7' })).toBe(true);
    expect(fieldMatcher('sourceIPAddress|cidr', '198.51.100.7')({ sourceIPAddress: '198.51.100.8' })).toBe(false);
    expect(fieldMatcher('sourceIPAddress|cidr', '0.0.0.0/0')({ sourceIPAddress: '203.0.113.9' })).toBe(true);
    expect(fieldMatcher('sourceIPAddress|cidr', '0.0.0.0/0')({ sourceIPAddress: '2001:db8::1' })).toBe(false);
  });

  it('never matches values that are not addresses, such as CloudTrail service callers', () => {
    const matches = fieldMatcher('sourceIPAddress|cidr', '0.0.0.0/0');
    expect(matches({ sourceIPAddress: 'AWS Internal' })).toBe(false);
    expect(matches({ sourceIPAddress: 'cloudformation.amazonaws.com' })).toBe(false);
  });

  it('matches any address in an array field', () => {
    expect(fieldMatcher('p_any_ip_addresses|cidr', '10.0.0.0/8')({ p_any_ip_addresses: ['203.0.113.1', '10.0.0.9'] })).toBe(true);
  });

  it('fails to load a range that is not CIDR notation, saying what is expected', () => {
    for (const range of ['10.0.0.0/33', '10.0.0/8', 'not-an-ip', '10.0.0.0/8/1']) {
      const error = detectionError({ selection: { 'sourceIPAddress|cidr': range }, condition: 'selection' });
      expect(error.problems[0]).toMatchObject({ kind: 'value', message: expect.stringMatching(/expected (e\.g\. 10\.0\.0\.0\/8|0 to 32)/) });
    }
  });
});
