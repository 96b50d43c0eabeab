import { cidrMatcher, globMatcher } from '../../detections/lib/matchers';

describe('cidrMatcher', () => {
  const inside = cidrMatcher(['10.0.0.0/8', '198.51.100.0/24', 'fd00::/8']);

  it('places IPv4 and IPv6 addresses inside or outside the blocks', () => {
    expect(inside('10.255.0.1')).toBe(true);
    expect(inside('198.51.100.200')).toBe(true);
    expect(inside('198.51.101.1')).toBe(false);
    expect(inside('fd12:3456::1')).toBe(true);
    expect(inside('2001:db8::1')).toBe(false);
  });

  it('treats anything that is not an address as outside', () => {
    expect(inside(undefined)).toBe(false);
    expect(inside('-')).toBe(false);
    expect(inside('ec2.amazonaws.com')).toBe(false);
  });
});

describe('globMatcher', () => {
  it('matches ARNs, with * stopping at a slash', () => {
    const deployers = globMatcher(['arn:aws:iam::*:role/cdk-*']);
    expect(deployers('arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role')).toBe(true);
    expect(deployers('arn:aws:iam::123456789012:role/team/cdk-x')).toBe(false);
    expect(deployers('arn:aws:iam::123456789012:role/Engineer')).toBe(false);
  });

  it('matches nothing when there are no globs, so an empty allow-list allows nobody', () => {
    expect(globMatcher([])('anything')).toBe(false);
  });

  it('never matches a missing value', () => {
    expect(globMatcher(['*'])(undefined)).toBe(false);
  });
});
