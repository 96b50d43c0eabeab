import { join } from 'node:path';
import { DateTime, Settings } from 'luxon';
import { createServices } from '../../src/app/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { ROOT, startStackWithSlack } from '../helpers/local-stack';

describe('organisation settings come from prowl.config.yml, through the local stack', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;

  beforeAll(async () => {
    const frozen = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' }).toMillis();
    Settings.now = () => frozen;
    env = await startStackWithSlack({ configPath: join(ROOT, 'test', 'fixtures', 'prowl.detections.config.yml') });
  });
  afterAll(async () => {
    Settings.now = () => Date.now();
    await env.stop();
  });

  it('judges regions against the configured approved regions', async () => {
    const write = cloudTrailEvent({
      eventID: 'region-1',
      eventName: 'RunInstances',
      readOnly: false,
      awsRegion: 'us-east-1',
      requestParameters: { instanceType: 't3.micro' },
    });
    await env.stack.putObject(cloudTrailKey('regions'), cloudTrailFile([write]));
    await env.stack.runner.idle({ timeoutMs: 30_000 });
    const alerts = await createServices(env.stack.runtime, env.stack.clients).alerts.listByRule('AWS.CloudTrail.UnapprovedRegionActivity', 5);
    expect(alerts.map((a) => a.status)).toEqual(['OPEN']);
    expect(alerts[0]?.title).toContain('unapproved region us-east-1');
  });
});
