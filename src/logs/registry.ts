import { ProwlError } from '../errors';
import { alb, type AlbEvent } from './alb';
import { auroraMySqlAudit, type AuroraMySqlAuditEvent } from './aurora-mysql-audit';
import { cloudTrail, type CloudTrailEvent } from './cloudtrail';
import { cloudTrailDigest, type CloudTrailDigestEvent } from './cloudtrail-digest';
import { cloudTrailInsight, type CloudTrailInsightEvent } from './cloudtrail-insight';
import { cloudWatchEvents, type CloudWatchEvent } from './cloudwatch-events';
import { guardDuty, type GuardDutyEvent } from './guardduty';
import type { LogType } from './log-type';
import { s3ServerAccess, type S3ServerAccessEvent } from './s3-server-access';
import { vpcDns, type VpcDnsEvent } from './vpc-dns';
import { vpcFlow, type VpcFlowEvent } from './vpc-flow';
import { wafWebAcl, type WafWebAclEvent } from './waf-web-acl';

export type {
  AlbEvent,
  AuroraMySqlAuditEvent,
  CloudTrailDigestEvent,
  CloudTrailEvent,
  CloudTrailInsightEvent,
  CloudWatchEvent,
  GuardDutyEvent,
  S3ServerAccessEvent,
  VpcDnsEvent,
  VpcFlowEvent,
  WafWebAclEvent,
};

/** Every built-in log type, by name. Rules are typed against LogEventMap. */
export interface LogEventMap {
  'AWS.ALB': AlbEvent;
  'AWS.AuroraMySQLAudit': AuroraMySqlAuditEvent;
  'AWS.CloudTrail': CloudTrailEvent;
  'AWS.CloudTrailDigest': CloudTrailDigestEvent;
  'AWS.CloudTrailInsight': CloudTrailInsightEvent;
  'AWS.CloudWatchEvents': CloudWatchEvent;
  'AWS.GuardDuty': GuardDutyEvent;
  'AWS.S3ServerAccess': S3ServerAccessEvent;
  'AWS.VPCDns': VpcDnsEvent;
  'AWS.VPCFlow': VpcFlowEvent;
  'AWS.WAFWebACL': WafWebAclEvent;
}

export type LogTypeName = keyof LogEventMap;

// Order is the order the classifier tries them in when a source names no type (catch-alls such
// as AWS.CloudWatchEvents go last whatever their place here).
const builtIn: { [N in LogTypeName]: LogType<LogEventMap[N]> } = {
  'AWS.CloudTrail': cloudTrail,
  'AWS.GuardDuty': guardDuty,
  'AWS.CloudTrailInsight': cloudTrailInsight,
  'AWS.CloudTrailDigest': cloudTrailDigest,
  'AWS.VPCDns': vpcDns,
  'AWS.WAFWebACL': wafWebAcl,
  'AWS.CloudWatchEvents': cloudWatchEvents,
  'AWS.S3ServerAccess': s3ServerAccess,
  'AWS.ALB': alb,
  'AWS.VPCFlow': vpcFlow,
  'AWS.AuroraMySQLAudit': auroraMySqlAudit,
};

export const LOG_TYPE_NAMES = Object.keys(builtIn) as LogTypeName[];

export function isLogTypeName(name: string): name is LogTypeName {
  return Object.hasOwn(builtIn, name);
}

/** The log types one deployment knows: the built-in ones plus the custom ones its configuration declares. */
export interface LogTypeRegistry {
  has(name: string): boolean;
  /** Looks up a log type; the error names the ones that exist. */
  byName(name: string): LogType;
  all(): LogType[];
  names(): string[];
}

export function createLogTypeRegistry(custom: readonly LogType[] = []): LogTypeRegistry {
  const types = new Map<string, LogType>(LOG_TYPE_NAMES.map((name) => [name, builtIn[name] as unknown as LogType]));
  for (const logType of custom) {
    if (types.has(logType.name)) {
      throw new ProwlError(
        'prowl_config_invalid',
        `log type "${logType.name}" is declared twice (or shadows a built-in one); give each custom type its own name`,
      );
    }
    types.set(logType.name, logType);
  }
  const all = [...types.values()];
  return {
    has: (name) => types.has(name),
    byName(name) {
      const logType = types.get(name);
      if (!logType) throw new ProwlError('prowl_config_invalid', `unknown log type "${name}"; known: ${[...types.keys()].join(', ')}`);
      return logType;
    },
    all: () => [...all],
    names: () => [...types.keys()],
  };
}

/** The built-in log types only; deployments with custom types build their own registry. */
export const builtInLogTypes: LogTypeRegistry = createLogTypeRegistry();

export function logTypeByName(name: string): LogType {
  return builtInLogTypes.byName(name);
}

export function allLogTypes(): LogType[] {
  return builtInLogTypes.all();
}
