import { ProwlError } from '../errors';
import { alb, type AlbEvent } from './alb';
import { cloudTrail, type CloudTrailEvent } from './cloudtrail';
import { cloudTrailDigest, type CloudTrailDigestEvent } from './cloudtrail-digest';
import { guardDuty, type GuardDutyEvent } from './guardduty';
import type { LogType } from './log-type';
import { s3ServerAccess, type S3ServerAccessEvent } from './s3-server-access';
import { vpcFlow, type VpcFlowEvent } from './vpc-flow';

export type { AlbEvent, CloudTrailDigestEvent, CloudTrailEvent, GuardDutyEvent, S3ServerAccessEvent, VpcFlowEvent };

/** Every built-in log type, by name. Rules are typed against LogEventMap. */
export interface LogEventMap {
  'AWS.ALB': AlbEvent;
  'AWS.CloudTrail': CloudTrailEvent;
  'AWS.CloudTrailDigest': CloudTrailDigestEvent;
  'AWS.GuardDuty': GuardDutyEvent;
  'AWS.S3ServerAccess': S3ServerAccessEvent;
  'AWS.VPCFlow': VpcFlowEvent;
}

export type LogTypeName = keyof LogEventMap;

// Order is the order the classifier tries them in when a source names no type.
const builtIn: { [N in LogTypeName]: LogType<LogEventMap[N]> } = {
  'AWS.CloudTrail': cloudTrail,
  'AWS.GuardDuty': guardDuty,
  'AWS.CloudTrailDigest': cloudTrailDigest,
  'AWS.S3ServerAccess': s3ServerAccess,
  'AWS.ALB': alb,
  'AWS.VPCFlow': vpcFlow,
};

export const LOG_TYPE_NAMES = Object.keys(builtIn) as LogTypeName[];

export function isLogTypeName(name: string): name is LogTypeName {
  return Object.prototype.hasOwnProperty.call(builtIn, name);
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
      throw new ProwlError('prowl_config_invalid', `log type "${logType.name}" is declared twice (or shadows a built-in one); give each custom type its own name`);
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
