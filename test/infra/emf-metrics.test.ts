import { addIngestCounts, createMetrics, METRICS } from '../../src/metrics';

const NOW = Date.UTC(2026, 10, 22, 10, 0, 0);

function recorder() {
  const lines: string[] = [];
  const metrics = createMetrics({ dimensions: { Stage: 'prod', Function: 'ingest' }, write: (line) => lines.push(line), now: () => NOW });
  return { metrics, lines, documents: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('EMF metrics', () => {
  it('writes one embedded-metric-format line per flush, with the counts summed per name', () => {
    const { metrics, documents } = recorder();
    metrics.add('EventsParsed', 40);
    metrics.add('EventsParsed', 2);
    metrics.add('SlackErrors');
    metrics.flush();

    expect(documents()).toEqual([
      {
        _aws: {
          Timestamp: NOW,
          CloudWatchMetrics: [
            {
              Namespace: 'Prowl',
              Dimensions: [['Stage', 'Function']],
              Metrics: [
                { Name: 'EventsParsed', Unit: 'Count' },
                { Name: 'SlackErrors', Unit: 'Count' },
              ],
            },
          ],
        },
        Stage: 'prod',
        Function: 'ingest',
        EventsParsed: 42,
        SlackErrors: 1,
      },
    ]);
  });

  it('starts a new batch after each flush and writes nothing when nothing was added', () => {
    const { metrics, documents } = recorder();
    metrics.flush();
    metrics.add('RuleMatches', 3);
    metrics.flush();
    metrics.flush();
    metrics.add('RuleMatches', 1);
    metrics.flush();

    expect(documents().map((doc) => doc['RuleMatches'])).toEqual([3, 1]);
  });

  it('writes a single line per flush, so Lambda hands CloudWatch one JSON document', () => {
    const { metrics, lines } = recorder();
    metrics.add('Alerts', 2);
    metrics.flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
  });

  it('adds every ingest count, zeros included, so a quiet source reads 0 instead of no data', () => {
    const { metrics, documents } = recorder();
    addIngestCounts(metrics, { events: 10, quarantined: 1, matches: 0, suppressed: 0, ruleErrors: 0, alertIds: ['a', 'b'] });
    metrics.flush();

    const [doc] = documents();
    expect(doc).toMatchObject({ EventsParsed: 10, EventsQuarantined: 1, RuleMatches: 0, MatchesSuppressed: 0, RuleErrors: 0, Alerts: 2 });
  });

  it('gives every metric in the catalog a unit CloudWatch knows', () => {
    const units = new Set(['Count', 'Count/Second', 'Seconds', 'Milliseconds', 'Microseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Percent', 'None']);
    for (const [name, unit] of Object.entries(METRICS)) expect({ name, known: units.has(unit) }).toEqual({ name, known: true });
  });

  it('refuses counts that are negative or not numbers', () => {
    const { metrics } = recorder();
    expect(() => metrics.add('EventsParsed', -1)).toThrow(/must be a count/);
    expect(() => metrics.add('EventsParsed', Number.NaN)).toThrow(/must be a count/);
  });

  it('refuses a dimension that would collide with a metric value or be empty', () => {
    expect(() => createMetrics({ dimensions: { EventsParsed: 'x' } })).toThrow(/has the name of a metric/);
    expect(() => createMetrics({ dimensions: { Stage: '' } })).toThrow(/non-empty value/);
    expect(() => createMetrics({ dimensions: {} })).toThrow(/1 to 30 dimensions/);
  });
});
