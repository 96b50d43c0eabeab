import { z } from 'zod';
import { integerField, nullIfDash, readFields, splitFields, FieldError } from './line-fields';
import type { LineVerdict, LogType } from './log-type';
import { isoFromCommonLogTime } from './time';

/**
 * S3 server access logs: one request per line, space-delimited, `"…"` and `[…]` fields.
 * Field names are the AWS documentation's, lower-cased without separators (as Panther names
 * them): `bucketowner`, `remoteip`, `httpstatus`… Every field AWS writes as `-` is null. Fields
 * added after the first 18 (hostid onwards) are absent on older lines. Anything after the last
 * documented field is kept, in order, in `additionalfields`.
 */
const text = z.string().nullable();
const count = z.number().int().nullable();

export const s3ServerAccessEventSchema = z
  .object({
    bucketowner: text,
    bucket: text,
    /** ISO-8601 UTC, converted from `[06/Feb/2019:00:00:38 +0000]`. */
    time: z.iso.datetime(),
    remoteip: text,
    requester: text,
    requestid: text,
    operation: text,
    key: text,
    requesturi: text,
    httpstatus: count,
    errorcode: text,
    bytessent: count,
    objectsize: count,
    totaltime: count,
    turnaroundtime: count,
    referrer: text,
    useragent: text,
    versionid: text,
    hostid: text.optional(),
    signatureversion: text.optional(),
    ciphersuite: text.optional(),
    authenticationtype: text.optional(),
    hostheader: text.optional(),
    tlsversion: text.optional(),
    accesspointarn: text.optional(),
    aclrequired: text.optional(),
    additionalfields: z.array(z.string()).optional(),
  })
  .strict();

export type S3ServerAccessEvent = z.infer<typeof s3ServerAccessEventSchema>;

/** Fields after the 18 every line has, in the order AWS appended them. */
const TRAILING_FIELDS = [
  'hostid',
  'signatureversion',
  'ciphersuite',
  'authenticationtype',
  'hostheader',
  'tlsversion',
  'accesspointarn',
  'aclrequired',
] as const;
const REQUIRED_FIELD_COUNT = 18;

function parseLine(line: string): LineVerdict {
  const fields = splitFields(line, { brackets: true });
  if (!Array.isArray(fields)) return fields;
  if (fields.length < REQUIRED_FIELD_COUNT) {
    return { error: `S3 access log lines have at least ${REQUIRED_FIELD_COUNT} fields; this one has ${fields.length}` };
  }
  const time = isoFromCommonLogTime(fields[2]!);
  if (time === undefined) return { error: `time: expected [dd/Mon/yyyy:HH:mm:ss +zzzz], got "${fields[2]!.slice(0, 40)}"` };
  return readFields(() => {
    const record: Record<string, unknown> = {
      bucketowner: nullIfDash(fields[0]),
      bucket: nullIfDash(fields[1]),
      time,
      remoteip: nullIfDash(fields[3]),
      requester: nullIfDash(fields[4]),
      requestid: nullIfDash(fields[5]),
      operation: nullIfDash(fields[6]),
      key: nullIfDash(fields[7]),
      requesturi: nullIfDash(fields[8]),
      httpstatus: integerField('httpstatus', fields[9]),
      errorcode: nullIfDash(fields[10]),
      bytessent: integerField('bytessent', fields[11]),
      objectsize: integerField('objectsize', fields[12]),
      totaltime: integerField('totaltime', fields[13]),
      turnaroundtime: integerField('turnaroundtime', fields[14]),
      referrer: nullIfDash(fields[15]),
      useragent: nullIfDash(fields[16]),
      versionid: nullIfDash(fields[17]),
    };
    const status = record['httpstatus'] as number | null;
    if (status !== null && (status < 100 || status > 599)) throw new FieldError(`httpstatus: expected an HTTP status code, got ${status}`);
    for (let i = 0; i < TRAILING_FIELDS.length && REQUIRED_FIELD_COUNT + i < fields.length; i++) {
      record[TRAILING_FIELDS[i]!] = nullIfDash(fields[REQUIRED_FIELD_COUNT + i]);
    }
    const extra = REQUIRED_FIELD_COUNT + TRAILING_FIELDS.length;
    if (fields.length > extra) record['additionalfields'] = fields.slice(extra);
    return record;
  });
}

export const s3ServerAccess: LogType<S3ServerAccessEvent> = {
  name: 'AWS.S3ServerAccess',
  schema: s3ServerAccessEventSchema,
  framing: { kind: 'lines', createParser: () => parseLine },
  detect: true,
  eventTime: (event) => event.time,
  indicators(event, found) {
    found.ip(event.remoteip);
    // The requester is an IAM ARN for signed requests, a canonical user id or "-" otherwise.
    found.principal(event.requester);
    found.arn(event.accesspointarn);
    found.domain(event.hostheader);
  },
};
