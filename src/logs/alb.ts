import { z } from 'zod';
import { decimalField, FieldError, integerField, nullIfDash, readFields, splitFields } from './line-fields';
import type { LineVerdict, LogType } from './log-type';
import { toUtcIso } from './time';

/**
 * Application Load Balancer access logs. Convention: the AWS documentation's field names, which
 * are already snake_case, kept as they are (`elb_status_code`, `target_group_arn`…), except the
 * two `ip:port` pairs, which SQL cannot name, split in two: `client:port` → `client_ip` +
 * `client_port`, `target:port` → `target_ip` + `target_port`, and `target:port_list` →
 * `target_port_list`. `request` is kept whole and also split into `request_http_method`,
 * `request_url` and `request_http_version`. Lists (`actions_executed`, `target_port_list`,
 * `target_status_code_list`) become arrays. `-` is null; the processing times keep AWS's -1.
 * Fields after the last documented one are kept, in order, in `additional_fields`.
 */
const text = z.string().nullable();
const list = z.array(z.string()).nullable();

export const albEventSchema = z
  .object({
    type: z.enum(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']),
    time: z.iso.datetime(),
    elb: z.string(),
    client_ip: text,
    client_port: z.number().int().nullable(),
    target_ip: text,
    target_port: z.number().int().nullable(),
    request_processing_time: z.number().nullable(),
    target_processing_time: z.number().nullable(),
    response_processing_time: z.number().nullable(),
    elb_status_code: z.number().int().nullable(),
    target_status_code: z.number().int().nullable(),
    received_bytes: z.number().int().nullable(),
    sent_bytes: z.number().int().nullable(),
    request: text,
    request_http_method: text,
    request_url: text,
    request_http_version: text,
    user_agent: text,
    ssl_cipher: text,
    ssl_protocol: text,
    target_group_arn: text,
    trace_id: text.optional(),
    domain_name: text.optional(),
    chosen_cert_arn: text.optional(),
    matched_rule_priority: z.number().int().nullable().optional(),
    request_creation_time: z.iso.datetime().nullable().optional(),
    actions_executed: list.optional(),
    redirect_url: text.optional(),
    error_reason: text.optional(),
    target_port_list: list.optional(),
    target_status_code_list: list.optional(),
    classification: text.optional(),
    classification_reason: text.optional(),
    conn_trace_id: text.optional(),
    additional_fields: z.array(z.string()).optional(),
  })
  .strict();

export type AlbEvent = z.infer<typeof albEventSchema>;

const TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);
const REQUIRED_FIELD_COUNT = 17;
const ALL_FIELD_COUNT = 30;

/** `10.0.0.1:2817`, `[2001:db8::1]:2817` or `-`. */
function ipAndPort(name: string, value: string | undefined): [string | null, number | null] {
  const textValue = nullIfDash(value);
  if (textValue === null) return [null, null];
  const colon = textValue.lastIndexOf(':');
  if (colon <= 0) throw new FieldError(`${name}: expected ip:port or "-", got "${textValue.slice(0, 60)}"`);
  const host = textValue.slice(0, colon);
  return [host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host, integerField(`${name} port`, textValue.slice(colon + 1))];
}

function listField(value: string | undefined, separator: string): string[] | null {
  const textValue = nullIfDash(value);
  return textValue === null ? null : textValue.split(separator).filter((item) => item !== '');
}

/** `GET http://example.com:80/path HTTP/1.1` → method, url, version; all null for `- - -`. */
function requestParts(request: string | null): Record<string, string | null> {
  const parts = request?.split(' ') ?? [];
  if (parts.length < 3) return { request_http_method: null, request_url: null, request_http_version: null };
  return {
    request_http_method: nullIfDash(parts[0]),
    request_url: nullIfDash(parts.slice(1, -1).join(' ')),
    request_http_version: nullIfDash(parts[parts.length - 1]),
  };
}

function parseLine(line: string): LineVerdict {
  const fields = splitFields(line, { brackets: false });
  if (!Array.isArray(fields)) return fields;
  if (fields.length < REQUIRED_FIELD_COUNT)
    return { error: `ALB access log lines have at least ${REQUIRED_FIELD_COUNT} fields; this one has ${fields.length}` };
  const type = fields[0]!;
  if (!TYPES.has(type)) return { error: `type: expected one of ${[...TYPES].join(', ')}, got "${type.slice(0, 40)}"` };
  const time = toUtcIso(fields[1]) === undefined ? undefined : fields[1];
  if (time === undefined) return { error: `time: expected an ISO-8601 time, got "${fields[1]!.slice(0, 40)}"` };
  return readFields(() => {
    const [clientIp, clientPort] = ipAndPort('client:port', fields[3]);
    const [targetIp, targetPort] = ipAndPort('target:port', fields[4]);
    const request = nullIfDash(fields[12]);
    const record: Record<string, unknown> = {
      type,
      time,
      elb: fields[2],
      client_ip: clientIp,
      client_port: clientPort,
      target_ip: targetIp,
      target_port: targetPort,
      request_processing_time: decimalField('request_processing_time', fields[5]),
      target_processing_time: decimalField('target_processing_time', fields[6]),
      response_processing_time: decimalField('response_processing_time', fields[7]),
      elb_status_code: integerField('elb_status_code', fields[8]),
      target_status_code: integerField('target_status_code', fields[9]),
      received_bytes: integerField('received_bytes', fields[10]),
      sent_bytes: integerField('sent_bytes', fields[11]),
      request,
      ...requestParts(request),
      user_agent: nullIfDash(fields[13]),
      ssl_cipher: nullIfDash(fields[14]),
      ssl_protocol: nullIfDash(fields[15]),
      target_group_arn: nullIfDash(fields[16]),
    };
    // Later fields were appended over the years; older lines simply end sooner.
    const optional: Array<[string, (value: string) => unknown]> = [
      ['trace_id', nullIfDash],
      ['domain_name', nullIfDash],
      ['chosen_cert_arn', nullIfDash],
      ['matched_rule_priority', (value) => integerField('matched_rule_priority', value)],
      [
        'request_creation_time',
        (value) => {
          const textValue = nullIfDash(value);
          if (textValue !== null && toUtcIso(textValue) === undefined)
            throw new FieldError(`request_creation_time: expected an ISO-8601 time or "-", got "${textValue.slice(0, 40)}"`);
          return textValue;
        },
      ],
      ['actions_executed', (value) => listField(value, ',')],
      ['redirect_url', nullIfDash],
      ['error_reason', nullIfDash],
      ['target_port_list', (value) => listField(value, ' ')],
      ['target_status_code_list', (value) => listField(value, ' ')],
      ['classification', nullIfDash],
      ['classification_reason', nullIfDash],
      ['conn_trace_id', nullIfDash],
    ];
    for (let i = 0; i < optional.length && REQUIRED_FIELD_COUNT + i < fields.length; i++) {
      const [name, read] = optional[i]!;
      record[name] = read(fields[REQUIRED_FIELD_COUNT + i]!);
    }
    if (fields.length > ALL_FIELD_COUNT) record['additional_fields'] = fields.slice(ALL_FIELD_COUNT);
    return record;
  });
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i;

export const alb: LogType<AlbEvent> = {
  name: 'AWS.ALB',
  schema: albEventSchema,
  framing: { kind: 'lines', createParser: () => parseLine },
  detect: true,
  eventTime: (event) => event.time,
  indicators(event, found) {
    found.ip(event.client_ip);
    found.ip(event.target_ip);
    found.domain(event.domain_name);
    found.domain(URL_HOST.exec(event.request_url ?? '')?.[1]);
    found.arn(event.target_group_arn);
    found.arn(event.chosen_cert_arn);
    found.traceId(event.trace_id);
  },
};
