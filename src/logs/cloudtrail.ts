import { z } from 'zod';
import type { LogType } from './log-type';

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
    eventTime: z.iso.datetime({ offset: true }),
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

export const cloudTrail: LogType<CloudTrailEvent> = {
  name: 'AWS.CloudTrail',
  schema: cloudTrailEventSchema,
  framing: { kind: 'json', unwrap: unwrapEventBridgeEnvelope },
  detect: true,
  eventTime: (event) => event.eventTime,
  indicators(event, found) {
    const identity = event.userIdentity;
    found.ip(event.sourceIPAddress);
    found.account(event.recipientAccountId);
    found.account(identity.accountId);
    found.arn(identity.arn);
    found.traceId(identity.accessKeyId);
    found.username(identity.userName);
    const issuer = identity.sessionContext?.sessionIssuer;
    found.arn(issuer?.arn);
    found.username(issuer?.userName);
    for (const resource of event.resources ?? []) {
      found.arn(resource.ARN);
      found.account(resource.accountId);
    }
    const instanceId = event.requestParameters?.['instanceId'];
    found.instanceId(instanceId);
  },
};
