import { cloudTrail, type CloudTrailEvent } from './cloudtrail';
import type { LogType } from './log-type';

/** Every log type Prowl knows, by name. Rules are typed against LogEventMap. */
export interface LogEventMap {
  'AWS.CloudTrail': CloudTrailEvent;
}

export type LogTypeName = keyof LogEventMap;

const builtIn: { [N in LogTypeName]: LogType<LogEventMap[N]> } = {
  'AWS.CloudTrail': cloudTrail,
};

export const LOG_TYPE_NAMES = Object.keys(builtIn) as LogTypeName[];

export function isLogTypeName(name: string): name is LogTypeName {
  return Object.prototype.hasOwnProperty.call(builtIn, name);
}

/** Looks up a log type; the error names the ones that exist. */
export function logTypeByName(name: string): LogType {
  if (!isLogTypeName(name)) {
    throw new Error(`unknown log type "${name}"; known: ${LOG_TYPE_NAMES.join(', ')}`);
  }
  return builtIn[name] as unknown as LogType;
}

export function allLogTypes(): LogType[] {
  return LOG_TYPE_NAMES.map(logTypeByName);
}
