import { z } from 'zod';
import type { IndicatorSet } from './indicators';
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

function items(value: unknown): Json[] {
  const list = Array.isArray(value) ? value : asObject(value)?.['items'];
  return Array.isArray(list) ? list.map(asObject).filter((item): item is Json => item !== undefined) : [];
}

/** EC2 writes `{key, value}`, most other services `{Key, Value}` or `{key, value}` in a tags list. */
function addTags(found: IndicatorSet, tags: unknown): void {
  for (const tag of items(tags)) found.tag(tag['key'] ?? tag['Key'], tag['value'] ?? tag['Value']);
}

/** The indicators CloudTrail puts in request and response payloads of the calls that matter most. */
function payloadIndicators(found: IndicatorSet, request: Json | undefined, response: Json | undefined): void {
  if (request) {
    found.instanceId(request['instanceId']);
    for (const item of items(request['instancesSet'])) found.instanceId(item['instanceId']);
    found.username(request['userName']);
    found.arn(request['roleArn']);
    found.arn(request['policyArn']);
    addTags(found, request['tags']);
    for (const spec of items(request['tagSpecificationSet'])) addTags(found, spec['tags']);
  }
  if (response) {
    for (const item of items(response['instancesSet'])) found.instanceId(item['instanceId']);
    // AssumeRole and GetSessionToken hand out new credentials: their key id is how later calls are traced back.
    found.traceId(asObject(response['credentials'])?.['accessKeyId']);
    found.arn(asObject(response['assumedRoleUser'])?.['arn']);
  }
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
    found.principal(identity.arn);
    found.traceId(identity.accessKeyId);
    found.username(identity.userName);
    const issuer = identity.sessionContext?.sessionIssuer;
    found.arn(issuer?.arn);
    found.username(issuer?.userName);
    for (const resource of event.resources ?? []) {
      found.arn(resource.ARN);
      found.account(resource.accountId);
    }
    payloadIndicators(found, event.requestParameters ?? undefined, event.responseElements ?? undefined);
  },
};
