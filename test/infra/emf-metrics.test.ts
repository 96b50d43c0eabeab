import { addIngestCounts, createMetrics, METRICS } from '../../src/metrics';
import { emfDocuments, stdoutWrites } from '../helpers/stdout-writes';

function ingestMetrics() {
  return createMetrics({ dimensions: { Stage: 'prod', Function: 'ingest' } });
}

async function documentsOf(work: () => void): Promise<Record<string, unknown>[]> {
  return emfDocuments(await stdoutWrites(work));
}

describe('EMF metrics', () => {
  it('writes one embedded-metric-format line per flush, with the counts summed per name', async () => {
    const before = Date.now();
    const documents = await documentsOf(() => {
      const metrics = ingestMetrics();
      metrics.add('EventsParsed', 40);
      metrics.add('EventsParsed', 2);
      metrics.add('SlackErrors');
      metrics.flush();
    });

    expect(documents).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
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
    const { Timestamp } = (documents[0] as { _aws: { Timestamp: number } })._aws;
    expect(Timestamp).toBeGreaterThanOrEqual(before);
  });

  it('starts a new batch after each flush and writes nothing when nothing was added', async () => {
    const writes = await stdoutWrites(() => {
      const metrics = ingestMetrics();
      metrics.flush();
      metrics.add('RuleMatches', 3);
      metrics.flush();
      metrics.flush();
      metrics.add('RuleMatches', 1);
      metrics.flush();
    });

    expect(writes).toHaveLength(2);
    expect(emfDocuments(writes).map((doc) => [doc['RuleMatches'], doc['EventsParsed']])).toEqual([
      [3, undefined],
      [1, undefined],
    ]);
  });

  it('writes a single line per flush, so Lambda hands CloudWatch one JSON document', async () => {
    const writes = await stdoutWrites(() => {
      const metrics = ingestMetrics();
      metrics.add('Alerts', 2);
      metrics.flush();
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]!.trimEnd()).not.toContain('\n');
  });

  it('adds every ingest count, zeros included, so a quiet source reads 0 instead of no data', async () => {
    const [doc] = await documentsOf(() => {
      const metrics = ingestMetrics();
      addIngestCounts(metrics, { events: 10, quarantined: 1, matches: 0, suppressed: 0, ruleErrors: 0, alertIds: ['a', 'b'] });
      metrics.flush();
    });
    expect(doc).toMatchObject({ EventsParsed: 10, EventsQuarantined: 1, RuleMatches: 0, MatchesSuppressed: 0, RuleErrors: 0, Alerts: 2 });
  });

  it('gives every metric in the catalog a unit CloudWatch knows', () => {
    const units = new Set(['Count', 'Count/Second', 'Seconds', 'Milliseconds', 'Microseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Percent', 'None']);
    for (const [name, unit] of Object.entries(METRICS)) expect({ name, known: units.has(unit) }).toEqual({ name, known: true });
  });

  it('refuses counts that are negative or not numbers', () => {
    const metrics = ingestMetrics();
    expect(() => metrics.add('EventsParsed', -1)).toThrow(/must be a count/);
    expect(() => metrics.add('EventsParsed', Number.NaN)).toThrow(/must be a count/);
  });

  it('refuses a dimension that would collide with a metric value or be empty', () => {
    expect(() => createMetrics({ dimensions: { EventsParsed: 'x' } })).toThrow(/has the name of a metric/);
    expect(() => createMetrics({ dimensions: { Stage: '' } })).toThrow(/non-empty value/);
  });

  describe('the cold-start metric', () => {
    const initialization = process.env['AWS_LAMBDA_INITIALIZATION_TYPE'];
    afterEach(() => {
      if (initialization === undefined) delete process.env['AWS_LAMBDA_INITIALIZATION_TYPE'];
      else process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] = initialization;
    });

    it('is written once per execution environment Lambda started on demand, in the Prowl namespace with stage and function', async () => {
      process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] = 'on-demand';
      const documents = await documentsOf(() => {
        const metrics = ingestMetrics();
        metrics.captureColdStart();
        metrics.captureColdStart();
      });
      expect(documents).toHaveLength(1);
      expect(documents[0]).toMatchObject({ Stage: 'prod', Function: 'ingest', ColdStart: 1 });
      expect(documents[0]!['_aws']).toMatchObject({ CloudWatchMetrics: [{ Namespace: 'Prowl', Metrics: [{ Name: 'ColdStart', Unit: 'Count' }] }] });
    });

    it('is not written under provisioned concurrency, where no request waited for the start', async () => {
      process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] = 'provisioned-concurrency';
      const writes = await stdoutWrites(() => ingestMetrics().captureColdStart());
      expect(writes).toEqual([]);
    });
  });
});
