import type { Alert } from '../../src/alerts/alert';
import { iamUserIdentity } from '../../src/detect/test-events';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from './cloudtrail-files';
import type { SlackStack } from './slack-stack';

export const LOGIN_WITHOUT_MFA_RULE = 'AWS.CloudTrail.ConsoleLoginWithoutMfa';

/**
 * An IAM user's console login without MFA, put in the raw bucket and carried through ingest and
 * notify: the posted alert it opened (the confirmation and escalation tests start from one).
 */
export async function loginAlertFor(env: SlackStack, user: string, fields: Record<string, unknown> = {}): Promise<Alert> {
  const login = cloudTrailEvent({
    eventID: `login-${user}`,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    ...fields,
    userIdentity: iamUserIdentity(user),
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No' },
  });
  await env.stack.putObject(cloudTrailKey(`login-${user}`), cloudTrailFile([login]));
  await env.stack.runner.idle();
  const alert = (await env.services.alerts.listByRule(LOGIN_WITHOUT_MFA_RULE, 50)).find((a) => a.dedup.endsWith(`:user/${user}`));
  if (!alert?.slack?.ts) throw new Error(`no posted alert for ${user}`);
  return alert;
}
