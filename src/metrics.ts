import { ProwlError } from './errors';

/**
 * Prowl's CloudWatch metrics, written in the embedded metric format (EMF): one JSON line on stdout
 * per flush, which Lambda ships to CloudWatch Logs and CloudWatch turns into metrics. No API call,
 * no IAM permission, nothing to wait for at the end of an invocation. This is the part of
 * Powertools Metrics that Prowl needs, in one module.
 *
 * Handlers create one `Metrics` per cold start, add counts while they work and flush once per
 * invocation. A dashboard or alarm reads them in the `Prowl` namespace by stage and function.
 */

/** Every metric Prowl emits, with its CloudWatch unit. One catalog, so names cannot drift. */
export const METRICS = {
  /** Events parsed and normalized from log objects or EventBridge. */
  EventsParsed: 'Count',
  /** Lines that failed to parse and went to quarantine/. */
  EventsQuarantined: 'Count',
  /** Rule matches, before suppressions. */
  RuleMatches: 'Count',
  /** Matches a suppression silenced (counted, not dropped silently). */
  MatchesSuppressed: 'Count',
  /** Rules that threw on an event (each becomes a rule-error alert). */
  RuleErrors: 'Count',
  /** Alerts opened or updated, i.e. sent to the notify queue. */
  Alerts: 'Count',
  /** Slack Web API calls that failed, rate limits included. */
  SlackErrors: 'Count',
} as const;

export type MetricName = keyof typeof METRICS;

export const METRICS_NAMESPACE = 'Prowl';

export interface Metrics {
  /** Adds to a count in this invocation's batch (1 when no value is given). */
  add(name: MetricName, value?: number): void;
  /** Writes everything added since the last flush as one EMF line, then starts again. No line when nothing was added. */
  flush(): void;
}

export interface MetricsOptions {
  /** For example `{ Stage: 'prod', Function: 'ingest' }`: every metric is emitted with this one dimension set. */
  dimensions: Readonly<Record<string, string>>;
  namespace?: string;
  /** Where the EMF line goes; Lambda's stdout by default (not console.log, which prefixes the line and breaks EMF). */
  write?: (line: string) => void;
  /** Milliseconds since the epoch, for the metric timestamp. */
  now?: () => number;
}

/** CloudWatch accepts at most 30 dimensions in a dimension set. */
const MAX_DIMENSIONS = 30;

function checkDimensions(dimensions: Readonly<Record<string, string>>): void {
  const keys = Object.keys(dimensions);
  if (keys.length === 0 || keys.length > MAX_DIMENSIONS) {
    throw new ProwlError('prowl_internal', `metrics: expected 1 to ${MAX_DIMENSIONS} dimensions, got ${keys.length}`);
  }
  for (const key of keys) {
    // Dimensions and metric values share the top level of the EMF document.
    if (key in METRICS) throw new ProwlError('prowl_internal', `metrics: dimension "${key}" has the name of a metric`);
    if (key === '_aws' || dimensions[key] === '') throw new ProwlError('prowl_internal', `metrics: dimension "${key}" needs another name or a non-empty value`);
  }
}

export function createMetrics(options: MetricsOptions): Metrics {
  checkDimensions(options.dimensions);
  const namespace = options.namespace ?? METRICS_NAMESPACE;
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  let counts = new Map<MetricName, number>();

  return {
    add(name, value = 1) {
      if (!Number.isFinite(value) || value < 0) throw new ProwlError('prowl_internal', `metrics: ${name} must be a count, got ${value}`);
      counts.set(name, (counts.get(name) ?? 0) + value);
    },
    flush() {
      if (counts.size === 0) return;
      const names = [...counts.keys()];
      const document = {
        _aws: {
          Timestamp: now(),
          CloudWatchMetrics: [
            { Namespace: namespace, Dimensions: [Object.keys(options.dimensions)], Metrics: names.map((name) => ({ Name: name, Unit: METRICS[name] })) },
          ],
        },
        ...options.dimensions,
        ...Object.fromEntries(counts),
      };
      counts = new Map();
      write(JSON.stringify(document));
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
  if (!runtime.metrics) return { add: () => undefined, flush: () => undefined };
  return createMetrics({ dimensions: { Stage: runtime.stage, Function: functionName } });
}
