import { z } from 'zod';
import type { IndicatorSet } from './indicators';
import { payloadIndicators } from './payload-indicators';
import type { LogType } from './log-type';
import { isoTimeSchema } from './time';

const optionalString = z.string().nullish();

const sessionIssuer = z
  .object({ type: optionalString, principalId: optionalString, arn: optionalString, accountId: optionalString, userName: optionalString })
  .loose();

const userIdentity = z
  .object({
    type: optionalString,
    principalId: optionalString,
    arn: optionalString,
    accountId: optionalString,
    accessKeyId: optionalString,
    userName: optionalString,
    invokedBy: optionalString,
    sessionContext: z
      .object({
        sessionIssuer: sessionIssuer.nullish(),
        attributes: z.object({ creationDate: optionalString, mfaAuthenticated: optionalString }).loose().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

/** One CloudTrail record. Required fields are the ones every record carries; the rest pass through. */
export const cloudTrailEventSchema = z
  .object({
    eventVersion: optionalString,
    eventTime: isoTimeSchema(),
    eventSource: z.string().min(1),
    eventName: z.string().min(1),
    awsRegion: z.string().min(1),
    eventID: z.string().min(1),
    userIdentity,
    eventType: optionalString,
    eventCategory: optionalString,
    sourceIPAddress: optionalString,
    userAgent: optionalString,
    errorCode: optionalString,
    errorMessage: optionalString,
    requestParameters: z.record(z.string(), z.unknown()).nullish(),
    responseElements: z.record(z.string(), z.unknown()).nullish(),
    additionalEventData: z.record(z.string(), z.unknown()).nullish(),
    resources: z.array(z.object({ ARN: optionalString, accountId: optionalString, type: optionalString }).loose()).nullish(),
    recipientAccountId: optionalString,
    readOnly: z.boolean().nullish(),
    managementEvent: z.boolean().nullish(),
    sharedEventID: optionalString,
    vpcEndpointId: optionalString,
  })
  .loose();

export type CloudTrailEvent = z.infer<typeof cloudTrailEventSchema>;

/**
 * EventBridge delivers CloudTrail records as { "detail-type": "AWS API Call via CloudTrail" (or
 * "AWS Console Sign In via CloudTrail"…), "detail": <record> }; the record is the detail.
 */
function unwrapEventBridgeEnvelope(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('detail-type' in value)) return value;
  const envelope = value as { 'detail-type'?: unknown; detail?: unknown };
  const detailType = envelope['detail-type'];
  return typeof detailType === 'string' && detailType.endsWith('via CloudTrail') && typeof envelope.detail === 'object' ? envelope.detail : value;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/**
 * Who is behind a call, beyond Panther's ARNs: the IAM user names and session names, the access
 * key of the call and the one a call hands out (AssumeRole, GetSessionToken), so `any user=` and
 * `any key=` follow a person and a credential across events. Panther v1 has no such lists for
 * CloudTrail; everything else here is what Panther extracts.
 */
function callerPivots(event: CloudTrailEvent, found: IndicatorSet): void {
  const identity = event.userIdentity;
  found.principal(identity.arn);
  found.traceId(identity.accessKeyId);
  found.username(identity.userName);
  found.username(identity.sessionContext?.sessionIssuer?.userName);
  const request = event.requestParameters;
  if (request) found.username(request['userName']);
  found.traceId(asObject(event.responseElements?.['credentials'])?.['accessKeyId']);
}

export const cloudTrail: LogType<CloudTrailEvent> = {
  name: 'AWS.CloudTrail',
  schema: cloudTrailEventSchema,
  framing: { kind: 'json', unwrap: unwrapEventBridgeEnvelope },
  detect: true,
  // Who did it: what triage and detections filter on, read from the large userIdentity object.
  columnarFields: [
    'userIdentity.type',
    'userIdentity.arn',
    'userIdentity.accountId',
    'userIdentity.principalId',
    'userIdentity.sessionContext.sessionIssuer.arn',
  ],
  eventTime: (event) => event.eventTime,
  indicators(event, found) {
    const identity = event.userIdentity;
    // An AWS service calling on the account's behalf is recorded by name (cloudtrail.amazonaws.com).
    found.hostname(event.sourceIPAddress);
    found.account(event.recipientAccountId);
    found.account(identity.accountId);
    // identity.arn: its ARN and account are added with the caller pivots below (principal).
    const issuer = identity.sessionContext?.sessionIssuer;
    found.arn(issuer?.arn);
    found.account(issuer?.accountId);
    for (const resource of event.resources ?? []) {
      // CloudTrail writes `ARN` in log files and `arn` in some EventBridge deliveries.
      found.arn(resource.ARN ?? (resource as Json)['arn']);
      found.account(resource.accountId);
    }
    const webIdentity = asObject(identity.sessionContext?.['webIdFederationData']);
    payloadIndicators(
      found,
      event.additionalEventData,
      event.requestParameters,
      event.responseElements,
      (event as Json)['serviceEventDetails'],
      webIdentity?.['attributes'],
    );
    callerPivots(event, found);
  },
};
