import { DateTime } from 'luxon';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { attachmentBlocks } from '../helpers/slack-api';
import { buttonClick, slashCommand } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('searching the lake from Slack', () => {
  let env: SlackStack;
  // Events an hour ago, so they fall in the default "last 24 h" range.
  const recent = DateTime.utc().minus({ hours: 1 }).startOf('second');
  const at = (minutes: number): string => recent.plus({ minutes }).toISO({ suppressMilliseconds: true })!;

  beforeAll(async () => {
    env = await startSlackStack();
    await env.stack.putObject(
      cloudTrailKey('searchable'),
      cloudTrailFile([
        cloudTrailEvent({ eventID: 's-1', eventName: 'GetObject', eventSource: 's3.amazonaws.com', sourceIPAddress: '198.51.100.5', eventTime: at(1) }),
        cloudTrailEvent({ eventID: 's-2', eventName: 'PutObject', eventSource: 's3.amazonaws.com', sourceIPAddress: '198.51.100.5', eventTime: at(2) }),
        cloudTrailEvent({ eventID: 's-3', eventName: 'DescribeInstances', sourceIPAddress: '192.0.2.9', eventTime: at(3) }),
        rootConsoleLogin({ eventID: 's-4', sourceIPAddress: '203.0.113.200', eventTime: at(4) }),
        cloudTrailEvent({
          eventID: 's-5',
          eventSource: 'kms.amazonaws.com',
          eventName: 'GenerateDataKey',
          sourceIPAddress: 'cloudtrail.amazonaws.com',
          userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
          requestParameters: { keySpec: 'AES_256', encryptionContext: { 'aws:cloudtrail:arn': 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail' } },
          eventTime: at(5),
        }),
      ]),
    );
    await env.stack.runner.idle();
  });
  afterAll(() => env.stop());

  it('acks at once, then posts the matching rows and the full result as CSV', async () => {
    await env.send(slashCommand('search AWS.CloudTrail eventSource=s3.amazonaws.com fields eventID,eventName,sourceIPAddress', 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('Searching `AWS.CloudTrail eventSource=s3.amazonaws.com');
    await env.stack.runner.idle();

    const posted = env.slack.of('chat.postMessage').find((call) => String(call.body['text']).startsWith('Search:'))!;
    expect(posted.body['channel']).toBe('C0SECURITY');
    const table = JSON.stringify(attachmentBlocks(posted));
    expect(table).toContain('s-1');
    expect(table).toContain('PutObject');
    expect(table).not.toContain('DescribeInstances');
    expect(table).toContain('2 rows');

    const upload = env.slack.of('file upload').pop()!;
    const csv = String(upload.body['content']);
    // The upload is multipart form data: the CSV sits between the part's headers and the closing boundary.
    const all = csv.split(/\r?\n/);
    const start = all.indexOf('p_event_time,eventID,eventName,sourceIPAddress');
    expect(start).toBeGreaterThan(-1);
    const lines = all
      .slice(
        start,
        all.findIndex((line, i) => i > start && line.startsWith('--')),
      )
      .filter(Boolean);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',').slice(1).join(','))
        .sort(),
    ).toEqual(['s-1,GetObject,198.51.100.5', 's-2,PutObject,198.51.100.5']);
    expect(env.slack.of('files.completeUploadExternal').pop()!.body['channel_id']).toBe('C0SECURITY');
  });

  it('pivots across log types on an indicator', async () => {
    await env.send(slashCommand('search any ip=198.51.100.5', 'UVIEWER'));
    await env.stack.runner.idle();
    const posted = env.slack
      .of('chat.postMessage')
      .filter((call) => String(call.body['text']).startsWith('Search:'))
      .pop()!;
    const table = JSON.stringify(attachmentBlocks(posted));
    expect(table).toContain('any ip=198.51.100.5');
    expect(table).toContain('AWS.CloudTrail');
    expect(table).toContain('2 rows');
  });

  it('finds an event by an ARN from its encryption context and by the AWS service that called', async () => {
    for (const query of ['any arn=arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail', 'any domain=cloudtrail.amazonaws.com']) {
      await env.send(slashCommand(`search ${query} fields p_log_type,p_row_id`, 'UVIEWER'));
      await env.stack.runner.idle();
      const posted = env.slack
        .of('chat.postMessage')
        .filter((call) => String(call.body['text']).startsWith('Search:'))
        .pop()!;
      const table = JSON.stringify(attachmentBlocks(posted));
      expect(table).toContain(query);
      expect(table).toContain('AWS.CloudTrail');
      expect(table).toContain('1 row');
    }
  });

  it('answers a wrong query with what was wrong, to the person who asked only, without retrying', async () => {
    await env.send(slashCommand('search AWS.CloudTrail eventNmae=ConsoleLogin', 'UVIEWER'));
    await env.stack.runner.idle();
    expect(env.slack.of('chat.postMessage').filter((call) => String(call.body['text']).startsWith('Search failed'))).toEqual([]);
    const failed = env.slack
      .of('chat.postEphemeral')
      .filter((call) => String(call.body['text']).startsWith('Search failed'))
      .pop()!;
    expect(failed.body).toMatchObject({ channel: 'C0SECURITY', user: 'UVIEWER' });
    expect(String(failed.body['text'])).toContain('eventNmae');
  });

  it('shows the events around an alert in its thread', async () => {
    const [alert] = (await env.services.alerts.listByStatus('OPEN', 10)).filter((a) => a.dedup.endsWith('203.0.113.200'));
    await env.send(buttonClick(ALERT_ACTIONS.showEvents, alert!.id, 'UVIEWER', '1700000000.000777'));
    await env.stack.runner.idle();
    const posted = env.slack
      .of('chat.postMessage')
      .filter((call) => String(call.body['text']).startsWith('Events around this alert'))
      .pop()!;
    expect(posted.body['thread_ts']).toBe('1700000000.000777');
    expect(JSON.stringify(attachmentBlocks(posted))).toContain('s-4');
  });
});
