import { z } from 'zod';
import { FieldError, integerField, nullIfDash, readFields } from './line-fields';
import type { LineParser, LineVerdict, LogType } from './log-type';
import { isoFromUnixSeconds } from './time';

/**
 * VPC flow logs. Field names are the AWS documentation's with `-` turned into `_`
 * (`account-id` → `account_id`, `log-status` → `log_status`); `-` is null. Files delivered to S3
 * start with a header line naming the fields in order, which is how custom formats (v3–v8
 * fields) are read; without a header a line must have the 14 fields of the default v2 format.
 * Fields a header names that Prowl does not know are kept as text under their snake_case name.
 */
const text = z.string().nullish();
const count = z.number().int().nullish();

export const vpcFlowEventSchema = z
  .object({
    version: count,
    account_id: text,
    interface_id: text,
    srcaddr: text,
    dstaddr: text,
    srcport: count,
    dstport: count,
    protocol: count,
    packets: count,
    bytes: count,
    /** Unix seconds, as AWS writes them. */
    start: count,
    end: count,
    action: z.enum(['ACCEPT', 'REJECT']).nullish(),
    log_status: z.enum(['OK', 'NODATA', 'SKIPDATA']).nullish(),
    vpc_id: text,
    subnet_id: text,
    instance_id: text,
    tcp_flags: count,
    type: text,
    pkt_srcaddr: text,
    pkt_dstaddr: text,
    region: text,
    az_id: text,
    sublocation_type: text,
    sublocation_id: text,
    pkt_src_aws_service: text,
    pkt_dst_aws_service: text,
    flow_direction: text,
    traffic_path: count,
    ecs_cluster_arn: text,
    ecs_cluster_name: text,
    ecs_container_instance_arn: text,
    ecs_container_instance_id: text,
    ecs_container_id: text,
    ecs_second_container_id: text,
    ecs_service_name: text,
    ecs_task_definition_arn: text,
    ecs_task_arn: text,
    ecs_task_id: text,
    reject_reason: text,
  })
  .catchall(z.string().nullable());

export type VpcFlowEvent = z.infer<typeof vpcFlowEventSchema>;

const NUMERIC = new Set(['version', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'tcp_flags', 'traffic_path']);
const ENUMS: Record<string, ReadonlySet<string>> = {
  action: new Set(['ACCEPT', 'REJECT']),
  log_status: new Set(['OK', 'NODATA', 'SKIPDATA']),
};
const KNOWN = new Set(Object.keys(vpcFlowEventSchema.shape));

export const DEFAULT_VPC_FLOW_FIELDS = [
  'version',
  'account_id',
  'interface_id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log_status',
] as const;

const FIELD_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A header names fields: every token looks like a field name and most are ones AWS documents. */
function headerFields(tokens: string[]): string[] | undefined {
  if (!tokens.every((token) => FIELD_NAME.test(token))) return undefined;
  const names = tokens.map((token) => token.replace(/-/g, '_'));
  const known = names.filter((name) => KNOWN.has(name)).length;
  return known * 2 >= names.length && new Set(names).size === names.length ? names : undefined;
}

function readRecord(fields: readonly string[], tokens: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i]!;
    const value = tokens[i];
    if (NUMERIC.has(name)) {
      record[name] = integerField(name, value);
      continue;
    }
    const textValue = nullIfDash(value);
    const allowed = ENUMS[name];
    if (allowed && textValue !== null && !allowed.has(textValue)) {
      throw new FieldError(`${name}: expected one of ${[...allowed].join(', ')} or "-", got "${textValue.slice(0, 40)}"`);
    }
    record[name] = textValue;
  }
  return record;
}

function createParser(): LineParser {
  let fields: readonly string[] = DEFAULT_VPC_FLOW_FIELDS;
  let announced = false;
  return (line: string): LineVerdict => {
    const tokens = line.trim().split(' ');
    const header = headerFields(tokens);
    if (header) {
      fields = header;
      announced = true;
      return { skip: true };
    }
    if (tokens.length !== fields.length) {
      return {
        error: announced
          ? `the header announced ${fields.length} fields; this line has ${tokens.length}`
          : `no header line announced a custom format, and the default format has ${fields.length} fields; this line has ${tokens.length}`,
      };
    }
    return readFields(() => readRecord(fields, tokens));
  };
}

export const vpcFlow: LogType<VpcFlowEvent> = {
  name: 'AWS.VPCFlow',
  schema: vpcFlowEventSchema,
  framing: { kind: 'lines', createParser },
  detect: true,
  eventTime: (event) => isoFromUnixSeconds(event.start),
  indicators(event, found) {
    found.ip(event.srcaddr);
    found.ip(event.dstaddr);
    found.ip(event.pkt_srcaddr);
    found.ip(event.pkt_dstaddr);
    found.account(event.account_id);
    found.instanceId(event.instance_id);
    found.arn(event.ecs_cluster_arn);
    found.arn(event.ecs_container_instance_arn);
    found.arn(event.ecs_task_definition_arn);
    found.arn(event.ecs_task_arn);
  },
};
