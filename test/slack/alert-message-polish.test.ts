import { alertContextMessage, alertFacts, alertMessage } from '../../src/slack/alert-message';
import { limitViolations } from '../../src/slack/message';
import { renderText } from '../../src/slack/render-text';
import { normalizedCloudTrail, openAlert } from '../helpers/alerts';

const fact = (alert: Parameters<typeof alertFacts>[0], name: string): string | undefined => alertFacts(alert).find(([n]) => n === name)?.[1];

describe('the alert message, read by a responder', () => {
  // A role session (Operations/ci-deployer) creates a key for another user (mallory).
  const keyCreated = normalizedCloudTrail({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:ci-deployer',
      arn: 'arn:aws:sts::123456789012:assumed-role/Operations/ci-deployer',
      accountId: '123456789012',
      sessionContext: { sessionIssuer: { type: 'Role', userName: 'Operations', arn: 'arn:aws:iam::123456789012:role/Operations', accountId: '123456789012' } },
    },
    requestParameters: { userName: 'mallory' },
  });

  it('names the principal that acted as the actor, and the user it acted on as the target', () => {
    expect(keyCreated.p_any_usernames).toEqual(expect.arrayContaining(['Operations', 'mallory']));
    const alert = openAlert({ samples: [keyCreated] });
    expect(fact(alert, 'Actor')).toBe('Operations/ci-deployer');
    expect(fact(alert, 'Target')).toBe('mallory');
  });

  it('has no target line when the call acted on no other user', () => {
    expect(fact(openAlert(), 'Target')).toBeUndefined();
  });

  it('counts events in words', () => {
    expect(fact(openAlert({ matchCount: 1 }), 'Events')).toBe('1 event');
    expect(fact(openAlert({ matchCount: 2 }), 'Events')).toBe('2 events');
  });

  it('prints a reference link once in the terminal', () => {
    const rendered = renderText(alertMessage(openAlert({ reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html' })));
    expect(rendered.match(/id_credentials_access-keys\.html/g)).toHaveLength(1);
    expect(renderText(alertMessage(openAlert({ reference: 'See the runbook' })))).toContain('Reference: See the runbook');
  });

  it('cuts long context short behind a Show context button, which has all of it', () => {
    const context = { policy: { Statement: Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:*', Resource: '*' })) } };
    const message = alertMessage(openAlert({ context }));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('cut short: *Show context* has all of it');
    expect(text).toContain('"action_id":"alert.show_context"');
    expect(text).not.toContain('S39');
    const full = JSON.stringify(alertContextMessage(openAlert({ context })).blocks);
    expect(full).toContain('S39');
    expect(limitViolations(alertContextMessage(openAlert({ context: { blob: 'x'.repeat(200_000) } })))).toEqual([]);
  });

  it('shows short context whole, without the button', () => {
    const text = JSON.stringify(alertMessage(openAlert({ context: { bucket: 'logs' } })).blocks);
    expect(text).toContain('bucket');
    expect(text).not.toContain('cut short');
    expect(text).not.toContain('show_context');
  });
});
