import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, items, text } from './lib/fields';
import { accountOf, actorOf, callContext, isDeployment, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

function instancesOf(event: CloudTrailEvent): string[] {
  return items(requestParam(event, 'instancesSet')).flatMap((item) => {
    const id = text(dig(item, 'instanceId'));
    return id === undefined ? [] : [id];
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2MonitoringDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "Detailed CloudWatch monitoring was turned off for EC2 instances outside the deployment pipeline. Minute-level metrics are what shows a crypto-miner's CPU spike or an exfiltration's network spike quickly.",
  runbook:
    'Ask the actor why (cost is a common, legitimate reason) and re-enable monitoring where it backs alarms (`aws ec2 monitor-instances`). Check the instances for activity the metrics would have shown.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html',
  tags: ['TA0005:T1562.001'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'UnmonitorInstances' && succeeded(event) && !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} turned off detailed monitoring for ${instancesOf(event).join(', ') || 'instances'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'turning off monitoring matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'UnmonitorInstances', requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } } }),
    },
    {
      name: 'turning on monitoring does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'MonitorInstances', requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } } }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'UnmonitorInstances',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } },
      }),
    },
  ],
});
