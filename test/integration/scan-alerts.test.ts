import { DescribeSecurityGroupsCommand, EC2Client, type SecurityGroup } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { attachmentBlocks } from '../helpers/slack-api';
import { slashCommand } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

// The scanned account is mocked; everything else (queues, tables, handlers) is the local stack.
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);

function group(openToWorld: boolean): SecurityGroup {
  return {
    GroupId: 'sg-0a1b2c3d4e5f60718',
    GroupName: 'bastion',
    Description: 'bastion host',
    VpcId: 'vpc-0123456789abcdef0',
    OwnerId: '123456789012',
    Tags: [{ Key: 'Name', Value: 'bastion' }],
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: openToWorld ? '0.0.0.0/0' : '10.20.0.0/16' }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
  };
}

describe('scanning from Slack', () => {
  let env: SlackStack;
  beforeAll(async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'ASIAAUDIT', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 3_600_000) },
      AssumedRoleUser: { AssumedRoleId: 'AROAAUDIT:prowl-scan', Arn: 'arn:aws:sts::123456789012:assumed-role/ProwlAudit/prowl-scan' },
    });
    env = await startSlackStack();
  });
  afterAll(async () => {
    await env.stop();
    sts.restore();
    ec2.restore();
  });

  const scan = async (): Promise<void> => {
    await env.send(slashCommand('scan 123456789012 AWS.EC2.SecurityGroup', 'URESPONDER'));
    await env.stack.runner.idle({ timeoutMs: 30_000 });
  };

  it('raises a policy alert for a failing resource, and resolves it and updates the message when a later scan finds it fixed', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [group(true)] });
    await scan();
    expect(lastReply(env.slack)).toContain('Scanning 123456789012 (AWS.EC2.SecurityGroup)');
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/ProwlAudit',
      ExternalId: 'prowl-test-external-id',
    });

    const posted = env.slack.of('chat.postMessage').filter((call) => String(call.body['text']).includes('Policy failure'));
    expect(posted).toHaveLength(1);
    const message = JSON.stringify(attachmentBlocks(posted[0]!));
    expect(message).toContain('arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60718');
    expect(message).toContain('Remediation');
    const summary = env.slack.of('chat.postMessage').find((call) => String(call.body['text']).startsWith('Scan of'))!;
    expect(String(summary.body['text'])).toContain('1 new policy failure');

    const [alert] = (await env.services.alerts.listByStatus('OPEN', 50)).filter((a) => a.kind === 'policy');
    expect(alert).toMatchObject({ resource: { ResourceType: 'AWS.EC2.SecurityGroup', AccountId: '123456789012', Region: 'us-east-1' } });

    // Someone closes the port; the next scan sees it.
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [group(false)] });
    await scan();
    expect(await env.services.alerts.get(alert!.id)).toMatchObject({ status: 'RESOLVED', resolvedBy: 'prowl-scan', resolution: { reason: 'remediated' } });
    const update = env.slack.of('chat.update').pop()!;
    expect(JSON.stringify(attachmentBlocks(update))).toContain('Resolved (remediated) by prowl-scan');
    expect(env.slack.of('chat.postMessage').filter((call) => String(call.body['text']).includes('Policy failure'))).toHaveLength(1);
  });

  it('reopens the alert as a new message when the resource fails again', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [group(true)] });
    await scan();
    expect(env.slack.of('chat.postMessage').filter((call) => String(call.body['text']).includes('Policy failure'))).toHaveLength(2);
  });
});
