import { isLogTypeName, LOG_TYPE_NAMES, type LogTypeName } from '../../logs/registry';
import { DocumentProblem } from './sigma-error';

/**
 * Sigma `logsource` (product + service) → Prowl log type. Several spellings per service because
 * rule authors use them; Sigma's categories (process_creation, ...) describe endpoint logs and
 * have no AWS counterpart, so they are rejected rather than guessed.
 */
const AWS_SERVICES: ReadonlyArray<{ services: readonly string[]; logType: string }> = [
  { services: ['cloudtrail'], logType: 'AWS.CloudTrail' },
  { services: ['s3', 's3_access', 's3_server_access'], logType: 'AWS.S3ServerAccess' },
  { services: ['vpcflow', 'vpc_flow', 'vpc_flow_logs'], logType: 'AWS.VPCFlow' },
  { services: ['alb', 'elb'], logType: 'AWS.ALB' },
  { services: ['guardduty'], logType: 'AWS.GuardDuty' },
];

export const ACCEPTED_LOGSOURCES = `product "aws" with service ${AWS_SERVICES.map(({ services, logType }) => `${services.map((s) => `"${s}"`).join('/')} (${logType})`).join(', ')}`;

export interface SigmaLogsource {
  product?: string | undefined;
  service?: string | undefined;
  category?: string | undefined;
}

export function logTypeFor(logsource: SigmaLogsource): LogTypeName {
  const path = ['logsource'];
  const product = logsource.product?.trim().toLowerCase();
  const service = logsource.service?.trim().toLowerCase();
  const given = Object.entries(logsource)
    .filter(([key, value]) => key !== 'definition' && value !== undefined)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
  const unknown = (): never => {
    throw new DocumentProblem('logsource', path, `no Prowl log type for logsource { ${given || 'empty'} }; accepted: ${ACCEPTED_LOGSOURCES}`);
  };
  if (logsource.category !== undefined) unknown();
  if (product !== 'aws' || service === undefined) return unknown();
  const entry = AWS_SERVICES.find(({ services }) => services.includes(service));
  if (!entry) return unknown();
  if (!isLogTypeName(entry.logType)) {
    throw new DocumentProblem(
      'logsource',
      path,
      `logsource service "${service}" means log type ${entry.logType}, which this build of Prowl does not parse; available: ${LOG_TYPE_NAMES.join(', ')}`,
    );
  }
  return entry.logType;
}
