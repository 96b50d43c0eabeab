import { z } from 'zod';
import { DocumentProblem } from './sigma-error';

export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const SIGMA_STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;

const oneOrMany = z.union([z.string(), z.array(z.string())]);

/** zod's "expected object, received undefined" says less than "X is required" to a rule author. */
const required = (accepted: string): { error: (issue: { input: unknown }) => string } => ({
  error: (issue) => (issue.input === undefined ? `is required: ${accepted}` : `must be ${accepted}`),
});

/**
 * The Sigma rule fields Prowl reads. Other fields (date, modified, license, related, ...) are
 * allowed, as the Sigma specification allows custom fields; they carry nothing Prowl acts on.
 */
export const sigmaRuleSchema = z
  .object({
    title: z.string(required('a string naming what the rule detects')).trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
    id: z.string().trim().min(1).optional(),
    status: z.enum(SIGMA_STATUSES).optional(),
    description: z.string().optional(),
    author: z.string().optional(),
    name: z.string().trim().min(1).optional(),
    license: z.string().optional(),
    references: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    logsource: z
      .object(
        {
          product: z.string().optional(),
          service: z.string().optional(),
          category: z.string().optional(),
          definition: z.string().optional(),
        },
        required('a map such as { product: aws, service: cloudtrail }'),
      )
      .loose(),
    detection: z
      .object(
        {
          condition: z.union(
            [z.string().min(1, 'must not be empty'), z.array(z.string().min(1)).min(1, 'must list at least one condition')],
            required('a string such as "selection and not filter"'),
          ),
        },
        required('a map of search identifiers and a condition'),
      )
      .catchall(z.unknown()),
    falsepositives: oneOrMany.optional(),
    level: z.enum(SIGMA_LEVELS, required(`one of ${SIGMA_LEVELS.join(', ')}`)),
    fields: z.array(z.string().min(1)).optional(),
  })
  .loose();

export type SigmaRuleDocument = z.infer<typeof sigmaRuleSchema>;

/**
 * Sigma constructs that are valid Sigma but Prowl does not run (correlations are handled apart).
 * Checked before the schema so the error names the construct instead of a missing field.
 */
export function rejectUnsupported(document: Record<string, unknown>): void {
  if ('filter' in document) {
    throw new DocumentProblem(
      'unsupported',
      ['filter'],
      "Sigma filters (meta-rules that change other rules) are not supported; put the exclusion in the rule's condition, or use a Prowl suppression",
    );
  }
  if ('action' in document) {
    throw new DocumentProblem(
      'unsupported',
      ['action'],
      `rule collections (action: ${String(document['action'])}) are not supported; write each rule as a complete document`,
    );
  }
  const detection = document['detection'];
  if (typeof detection === 'object' && detection !== null && 'timeframe' in detection) {
    throw new DocumentProblem(
      'unsupported',
      ['detection', 'timeframe'],
      'timeframe is not supported: it belongs to the old aggregation syntax; write a correlation rule (event_count, value_count or temporal) with a timespan',
    );
  }
}
