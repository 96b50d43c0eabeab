import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Each call that stops AWS Config recording or delivering, with what it stops. */
const DISABLING = new Map([
  ['StopConfigurationRecorder', 'stopped the AWS Config recorder'],
  ['DeleteConfigurationRecorder', 'deleted the AWS Config recorder'],
  ['DeleteDeliveryChannel', 'deleted the AWS Config delivery channel'],
]);

function target(event: CloudTrailEvent): string {
  return requestText(event, 'configurationRecorderName') ?? requestText(event, 'deliveryChannelName') ?? 'default';
}

export default defineRule({
  id: 'AWS.CloudTrail.ConfigDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'AWS Config stopped recording or lost its delivery channel: resource changes stop being recorded and Config rules stop evaluating.',
  runbook:
    'Restart the recorder (`aws configservice start-configuration-recorder`) or recreate the delivery channel from IaC. Ask the actor why; if unexplained, revoke their sessions and review changes made to resources in this account and region since the recorder stopped (CloudTrail is the remaining record).',
  reference: 'https://docs.aws.amazon.com/config/latest/APIReference/API_StopConfigurationRecorder.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'config.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${DISABLING.get(event.eventName ?? '') ?? 'disabled AWS Config'} (${target(event)}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:config`,
  alertContext: callContext,
  tests: [
    {
      name: 'stopping the recorder matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'StopConfigurationRecorder',
        requestParameters: { configurationRecorderName: 'default' },
      }),
    },
    {
      name: 'deleting the delivery channel matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteDeliveryChannel',
        requestParameters: { deliveryChannelName: 'default' },
      }),
    },
    {
      name: 'starting the recorder does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'StartConfigurationRecorder',
        requestParameters: { configurationRecorderName: 'default' },
      }),
    },
    {
      name: 'an event name that is an Object prototype property does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'config.amazonaws.com', eventName: 'toString' }),
    },
  ],
});
