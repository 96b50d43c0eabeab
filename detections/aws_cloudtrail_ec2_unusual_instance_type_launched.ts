import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, isAwsServiceCall, principalArnOf, requestText, wasDenied, whereOf } from './lib/cloudtrail_fields';

/**
 * GPU and accelerator families (p, g, inf, trn, dl, f, vt), bare metal, and the largest sizes: what
 * crypto-miners and stolen-key resellers launch, and what few accounts run day to day.
 */
const UNUSUAL = [/^(p\d|g\d|inf\d|trn\d|dl\d|f\d|vt\d)[a-z0-9-]*\./, /\.metal(-\d+xl)?$/, /\.(24|32|48|56|96|112|224)xlarge$/, /^(x1|x2|u-|u7)[a-z0-9-]*\./];

function instanceTypeOf(event: CloudTrailEvent): string | undefined {
  return requestText(event, 'instanceType');
}

function isUnusual(instanceType: string | undefined): boolean {
  return instanceType !== undefined && UNUSUAL.some((pattern) => pattern.test(instanceType.toLowerCase()));
}

function runInstances(instanceType: string, fields: Parameters<typeof cloudTrailWrite>[0] = {}): ReturnType<typeof cloudTrailWrite> {
  return cloudTrailWrite({
    eventName: 'RunInstances',
    requestParameters: {
      instanceType,
      instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 10 }] },
      subnetId: 'subnet-0e540f0c7ffb48ae9',
    },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2UnusualInstanceTypeLaunched',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Someone launched, or tried to launch, GPU, accelerator, bare-metal or very large EC2 instances. Stolen keys are used to mine cryptocurrency on exactly these; failed attempts (no permission, vCPU limit reached) are the same intent stopped early.',
  runbook:
    "Ask the principal's owner whether they run ML or HPC work. If not: terminate what was launched in every region, revoke the sessions or deactivate the key, and check for other launches (spot requests, launch templates, auto scaling groups) by the same principal. Consider an SCP that denies these families where nobody needs them.",
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/accelerated-computing-instances.html',
  tags: ['TA0002:T1578.002', 'TA0040:T1496'],
  rule: (event) =>
    event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'RunInstances' && !isAwsServiceCall(event) && isUnusual(instanceTypeOf(event)),
  title: (event) =>
    `${actorOf(event)} ${attemptVerb(event, 'launched', 'tried to launch')} ${instanceTypeOf(event) ?? 'unusual'} instances in ${whereOf(event)}${event.errorCode ? ` (${event.errorCode})` : ''}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (wasDenied(event) || event.userIdentity?.type === 'IAMUser' ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), instanceType: instanceTypeOf(event) }),
  tests: [
    { name: 'a denied launch of GPU instances matches', expect: true, event: runInstances('p2.xlarge', { errorCode: 'Client.UnauthorizedOperation' }) },
    { name: 'a launch stopped by the vCPU limit matches', expect: true, event: runInstances('g5.12xlarge', { errorCode: 'VcpuLimitExceeded' }) },
    { name: 'a bare-metal launch matches', expect: true, event: runInstances('c5.metal') },
    { name: 'an ordinary instance does not match', expect: false, event: runInstances('t3.medium') },
    { name: 'a general-purpose large instance does not match', expect: false, event: runInstances('m6i.4xlarge') },
  ],
});
