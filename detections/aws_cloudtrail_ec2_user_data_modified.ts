import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** CloudTrail redacts the new script to `<sensitiveDataRemoved>`, but the key's presence tells the story. */
function changesUserData(event: CloudTrailEvent): boolean {
  return requestParam(event, 'userData') !== undefined || requestText(event, 'attribute') === 'userData';
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2UserDataModified',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "An instance's user data was changed. Combined with a stop and start, it runs arbitrary code as root on the instance: a known way to get a shell or steal the instance role's credentials.",
  runbook:
    "Look for StopInstances/StartInstances on the same instance around this time, and read the current user data (`aws ec2 describe-instance-attribute --attribute userData`). If the change is not from your deployment tooling, isolate the instance (restrictive security group), snapshot it for forensics, and revoke the actor's and the instance role's sessions.",
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  tags: ['TA0002:T1059.009', 'TA0003:T1037'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'ModifyInstanceAttribute' && succeeded(event) && changesUserData(event),
  title: (event) => `${actorOf(event)} changed the user data of ${requestText(event, 'instanceId') ?? 'an instance'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'instanceId') ?? 'unknown instance'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'new user data matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'ModifyInstanceAttribute',
        requestParameters: { instanceId: 'i-0123456789abcdef0', userData: '<sensitiveDataRemoved>' },
      }),
    },
    {
      name: 'changing the instance type does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'ModifyInstanceAttribute',
        requestParameters: { instanceId: 'i-0123456789abcdef0', instanceType: { value: 'm5.large' } },
      }),
    },
  ],
});
