import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, isOrganizationAccount, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** The other side of the peering: the peer owner on request, the requester on accept (from the response). */
function peerAccount(event: CloudTrailEvent): string | undefined {
  if (event.eventName === 'CreateVpcPeeringConnection') return requestText(event, 'peerOwnerId');
  if (event.eventName === 'AcceptVpcPeeringConnection') return text(dig(event.responseElements, 'vpcPeeringConnection', 'requesterVpcInfo', 'ownerId'));
  return undefined;
}

function outsidePeer(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const peer = peerAccount(event);
  return peer !== undefined && !isOrganizationAccount(peer, event, settings) ? peer : undefined;
}

export default defineRule({
  id: 'AWS.CloudTrail.VpcPeeringOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A VPC peering connection was requested to, or accepted from, an account outside the organization. Once routes are added, that account's network reaches your VPC privately, past internet-facing controls.",
  runbook:
    'Identify the peer account. Unless it is a known partner with an agreement, delete the peering connection (`aws ec2 delete-vpc-peering-connection`) and remove any routes to it; check flow logs for traffic across it.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html',
  tags: ['TA0003:T1133', 'TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'ec2.amazonaws.com' && succeeded(event) && outsidePeer(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} ${event.eventName === 'AcceptVpcPeeringConnection' ? 'accepted VPC peering from' : 'requested VPC peering with'} outside account ${outsidePeer(event, settings) ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event, { settings }) => `${accountOf(event)}:${outsidePeer(event, settings) ?? 'unknown'}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), peerAccount: outsidePeer(event, settings) }),
  tests: [
    {
      name: 'requesting peering with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'CreateVpcPeeringConnection',
        requestParameters: { vpcId: 'vpc-0abc1234def567890', peerVpcId: 'vpc-0fed9876cba543210', peerOwnerId: '444455556666', peerRegion: 'us-east-1' },
      }),
    },
    {
      name: 'accepting peering from an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'AcceptVpcPeeringConnection',
        requestParameters: { vpcPeeringConnectionId: 'pcx-0a1b2c3d' },
        responseElements: {
          vpcPeeringConnection: {
            vpcPeeringConnectionId: 'pcx-0a1b2c3d',
            requesterVpcInfo: { ownerId: '444455556666', vpcId: 'vpc-0fed9876cba543210' },
            accepterVpcInfo: { ownerId: '123456789012' },
          },
        },
      }),
    },
    {
      name: 'peering between organization accounts does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventName: 'CreateVpcPeeringConnection',
        requestParameters: { vpcId: 'vpc-0abc1234def567890', peerVpcId: 'vpc-0fed9876cba543210', peerOwnerId: '111122223333' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'CreateVpcPeeringConnection',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { vpcId: 'vpc-0abc', peerOwnerId: '444455556666' },
      }),
    },
  ],
});
