import { actorPrincipal, emailFor } from '../../src/alerts/actor-principal';
import { configFileSchema, parseConfigFile } from '../../src/config';
import { assumedRoleIdentity, iamUserIdentity, rootIdentity } from '../../src/detect/test-events';
import type { NormalizedEvent } from '../../src/logs/log-type';
import { normalizedCloudTrail } from '../helpers/alerts';

const confirmation = (settings: Record<string, unknown>) => configFileSchema.shape.confirmation.parse(settings);
const by = (userIdentity: unknown): NormalizedEvent => normalizedCloudTrail({ userIdentity: userIdentity as never });

describe('who acted, and who that is in Slack', () => {
  it('reads IAM users, Identity Center users (AWSReservedSSO roles) and other role sessions', () => {
    expect(actorPrincipal(by(iamUserIdentity('bob')))).toEqual({ kind: 'iam-user', name: 'bob' });
    expect(actorPrincipal(by(assumedRoleIdentity('AWSReservedSSO_Admin_0123456789abcdef', 'alice@example.com')))).toEqual({
      kind: 'identity-center',
      name: 'alice@example.com',
    });
    expect(actorPrincipal(by(assumedRoleIdentity('Deployer', 'ci-run-42')))).toEqual({ kind: 'role-session', name: 'ci-run-42', role: 'Deployer' });
  });

  it('finds nobody to ask for the root user, AWS services and events without an identity', () => {
    expect(actorPrincipal(by(rootIdentity()))).toBeUndefined();
    expect(actorPrincipal(by({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }))).toBeUndefined();
    expect(actorPrincipal({ ...by(iamUserIdentity('bob')), userIdentity: 'not an object' } as NormalizedEvent)).toBeUndefined();
    expect(actorPrincipal(undefined)).toBeUndefined();
  });

  it('maps listed names first, then AWS-set names through the email domain', () => {
    const config = confirmation({ iamUsers: { bob: 'robert@example.org' }, emailDomain: 'example.com' });
    expect(emailFor({ kind: 'iam-user', name: 'bob' }, config)).toBe('robert@example.org');
    expect(emailFor({ kind: 'iam-user', name: 'carol' }, config)).toBe('carol@example.com');
    expect(emailFor({ kind: 'identity-center', name: 'dave@corp.example' }, config)).toBe('dave@corp.example');
  });

  it('never guesses from a role session name, which whoever assumes the role chooses', () => {
    const config = confirmation({ roleSessions: { 'erin-laptop': 'erin@example.com' }, emailDomain: 'example.com' });
    expect(emailFor({ kind: 'role-session', name: 'erin-laptop', role: 'Dev' }, config)).toBe('erin@example.com');
    expect(emailFor({ kind: 'role-session', name: 'mallory', role: 'Dev' }, config)).toBeUndefined();
    expect(emailFor({ kind: 'role-session', name: 'ceo@example.com', role: 'Dev' }, config)).toBeUndefined();
    expect(emailFor({ kind: 'role-session', name: 'constructor', role: 'Dev' }, config)).toBeUndefined();
  });

  it('refuses a mapping that is not an email, saying what is expected', () => {
    const yaml = 'sources: [{ label: x }]\nslack: { defaultChannel: "#a", opsChannel: "#b" }\nconfirmation: { iamUsers: { bob: bob } }\n';
    expect(() => parseConfigFile(yaml, 'prowl.config.yml')).toThrow('confirmation.iamUsers.bob');
    expect(() => parseConfigFile(yaml, 'prowl.config.yml')).toThrow('expected an email address like "alice@example.com"');
  });
});
