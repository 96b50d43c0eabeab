import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { ProwlError } from './errors';
import { logger } from './logger';

/**
 * Prowl's CloudWatch metrics, through Powertools Metrics: the embedded metric format (EMF), one
 * JSON line on stdout per flush, which Lambda ships to CloudWatch Logs and CloudWatch turns into
 * metrics. No API call, no IAM permission, nothing to wait for at the end of an invocation.
 *
 * Handlers create one `Metrics` per cold start, add counts while they work and flush once per
 * invocation. A dashboard or alarm reads them in the `Prowl` namespace by stage and function.
 */

/** Every metric Prowl emits, with its CloudWatch unit. One catalog, so names cannot drift. */
export const METRICS = {
  /** Events parsed and normalized from log objects or EventBridge. */
  EventsParsed: MetricUnit.Count,
  /** Lines that failed to parse and went to quarantine/. */
  EventsQuarantined: MetricUnit.Count,
  /** Rule matches, before suppressions. */
  RuleMatches: MetricUnit.Count,
  /** Matches a suppression silenced (counted, not dropped silently). */
  MatchesSuppressed: MetricUnit.Count,
  /** Rules that threw on an event (each becomes a rule-error alert). */
  RuleErrors: MetricUnit.Count,
  /** Alerts opened or updated, i.e. sent to the notify queue. */
  Alerts: MetricUnit.Count,
  /** Slack Web API calls that failed, rate limits included. */
  SlackErrors: MetricUnit.Count,
} as const;

export type MetricName = keyof typeof METRICS;

export const METRICS_NAMESPACE = 'Prowl';

export interface Metrics {
  /** Adds to a count in this invocation's batch (1 when no value is given). */
  add(name: MetricName, value?: number): void;
  /**
   * Powertools' `ColdStart` metric, on its own line, the first time it is called in an execution
   * environment Lambda started on demand (never under provisioned concurrency or outside Lambda).
   */
  captureColdStart(): void;
  /** Writes everything added since the last flush as one EMF line, then starts again. No line when nothing was added. */
  flush(): void;
}

export interface MetricsOptions {
  /** For example `{ Stage: 'prod', Function: 'ingest' }`: every metric is emitted with this one dimension set. */
  dimensions: Readonly<Record<string, string>>;
  namespace?: string;
}

function checkDimensions(dimensions: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(dimensions)) {
    // Dimensions and metric values share the top level of the EMF document.
    if (key in METRICS) throw new ProwlError('prowl_internal', `metrics: dimension "${key}" has the name of a metric`);
    // Powertools would drop an empty dimension with a warning; a metric without it would go unseen.
    if (value === '') throw new ProwlError('prowl_internal', `metrics: dimension "${key}" needs a non-empty value`);
  }
}

export function createMetrics(options: MetricsOptions): Metrics {
  checkDimensions(options.dimensions);
  const emf = new PowertoolsMetrics({ namespace: options.namespace ?? METRICS_NAMESPACE, logger });
  // Powertools adds a `service` dimension by default; Prowl's metrics are keyed by stage and function alone.
  emf.clearDefaultDimensions();
  emf.setDefaultDimensions({ ...options.dimensions });
  // Summed here, so a batch of records reads as one value per metric rather than one sample per record.
  const counts = new Map<MetricName, number>();

  return {
    add(name, value = 1) {
      if (!Number.isFinite(value) || value < 0) throw new ProwlError('prowl_internal', `metrics: ${name} must be a count, got ${value}`);
      counts.set(name, (counts.get(name) ?? 0) + value);
    },
    captureColdStart: () => emf.captureColdStartMetric(),
    flush() {
      if (counts.size === 0) return;
      for (const [name, value] of counts) emf.addMetric(name, METRICS[name], value);
      counts.clear();
      emf.publishStoredMetrics();
    },
  };
}

/** What one ingested object or event adds up to; the shape of the ingest summary. */
export interface IngestCounts {
  events: number;
  quarantined: number;
  matches: number;
  suppressed: number;
  ruleErrors: number;
  alertIds: readonly string[];
}

/** Adds an ingest summary's counts, zeros included, so a quiet log source shows as 0 rather than as no data. */
export function addIngestCounts(metrics: Metrics, summary: IngestCounts): void {
  metrics.add('EventsParsed', summary.events);
  metrics.add('EventsQuarantined', summary.quarantined);
  metrics.add('RuleMatches', summary.matches);
  metrics.add('MatchesSuppressed', summary.suppressed);
  metrics.add('RuleErrors', summary.ruleErrors);
  metrics.add('Alerts', summary.alertIds.length);
}

/** Metrics for one function, or ones that count and write nothing where metrics are off (a laptop). */
export function functionMetrics(runtime: { stage: string; metrics: boolean }, functionName: string): Metrics {
  if (!runtime.metrics) return { add: () => undefined, captureColdStart: () => undefined, flush: () => undefined };
  return createMetrics({ dimensions: { Stage: runtime.stage, Function: functionName } });
}
