import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AlertStore } from '../../src/alerts/alert-store';
import type { NotifyQueue } from '../../src/alerts/notify-queue';
import { createDetectionSetup } from '../../src/ingest/detection-setup';
import { ingestObject } from '../../src/ingest/ingest-object';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices } from '../../src/app/services';
import { cloudTrailFile, cloudTrailKey, deniedSqsCalls, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';

describe('an alert whose write fails while others in the same object succeed', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
    slack.done();
  });

  it('does not hold back the other alerts: they are queued, and the ops channel told, before the object fails to be retried', async () => {
    const services = createServices(stack.runtime, stack.clients);
    // The real store, except that writing the access-denied burst fails (as a throttled or rejected write would).
    const alerts: AlertStore = {
      ...services.alerts,
      mutate: (id, change) =>
        id.startsWith('AWS.CloudTrail.AccessDeniedBurst')
          ? Promise.reject(new Error('ValidationException: item too large'))
          : services.alerts.mutate(id, change),
    };
    const sent: string[] = [];
    const notify: NotifyQueue = {
      send: async (ids, options) => {
        sent.push(...ids);
        await services.notify.send(ids, options);
      },
      sendMessages: (messages, options) => services.notify.sendMessages(messages, options),
    };
    const key = cloudTrailKey('one-group-fails');
    const denied = deniedSqsCalls(20);
    await stack.clients.s3.send(
      new PutObjectCommand({
        Bucket: stack.runtime.buckets.raw,
        Key: key,
        Body: cloudTrailFile([...denied, rootConsoleLogin({ sourceIPAddress: '203.0.113.41', eventID: 'r-41' })]),
      }),
    );
    const detection = createDetectionSetup({
      rules: services.rules,
      settings: services.settings,
      detectionSettings: services.detectionSettings,
      timeBudgetMs: 1000,
      now: services.now,
    });

    await expect(
      ingestObject(
        { bucket: stack.runtime.buckets.raw, key, version: 'v1' },
        { ...services, alerts, notify, s3: stack.clients.s3, buckets: stack.runtime.buckets, detection },
      ),
    ).rejects.toThrow(/1 alert\(s\) .* could not be written, the others were sent: AWS.CloudTrail.AccessDeniedBurst .*item too large/);

    expect(sent).toEqual([expect.stringMatching(/^AWS\.CloudTrail\.RootConsoleLogin-/), expect.stringMatching(/^Prowl\.AlertWriteFailing-/)]);
    await stack.runner.idle();
    const posts = slack.of('chat.postMessage');
    expect(posts.map((call) => [call.body['channel'], call.body['text']])).toEqual(
      expect.arrayContaining([
        ['#security-alerts', expect.stringContaining('203.0.113.41')],
        ['#prowl-ops', '[HIGH] Alerts of AWS.CloudTrail.AccessDeniedBurst could not be stored'],
      ]),
    );
    expect(posts).toHaveLength(2);
  });
});
