import { z } from 'zod';

export const SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
