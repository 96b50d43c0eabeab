import { DateTime } from 'luxon';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { attachmentBlocks } from '../helpers/slack-api';
import { slashCommand } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('admin SQL from Slack', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
    await env.stack.putObject(
      cloudTrailKey('sql'),
      cloudTrailFile([cloudTrailEvent({ eventID: 'q-1', eventTime: DateTime.utc().minus({ hours: 2 }).toISO({ suppressMilliseconds: true })! })]),
    );
    await env.stack.runner.idle();
  });
  afterAll(() => env.stop());

  it('runs a read-only SELECT for admins and posts the rows', async () => {
    await env.send(slashCommand('sql SELECT eventName, count(*) AS n FROM aws_cloudtrail GROUP BY eventName', 'UADMIN'));
    expect(lastReply(env.slack)).toBe('Running your SQL… the results will be posted here.');
    await env.stack.runner.idle();
    const posted = env.slack
      .of('chat.postMessage')
      .filter((call) => String(call.body['text']).startsWith('SQL:'))
      .pop()!;
    expect(JSON.stringify(attachmentBlocks(posted))).toMatch(/DescribeInstances\s+1/);
  });

  it('refuses anything but one SELECT, and refuses non-admins, before queueing anything', async () => {
    await env.send(slashCommand("sql COPY (SELECT 1) TO '/tmp/x.csv'", 'UADMIN'));
    expect(lastReply(env.slack)).toMatch(/SELECT/);
    await env.send(slashCommand('sql SELECT 1; DROP TABLE aws_cloudtrail', 'UADMIN'));
    expect(lastReply(env.slack)).toMatch(/one statement|single/i);
    await env.send(slashCommand('sql SELECT 1', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('you need the admin role to run SQL');
  });
});
