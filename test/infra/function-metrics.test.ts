import { functionMetrics } from '../../src/metrics';

describe('metrics for a function', () => {
  it('write nothing where metrics are off (the laptop), and EMF with stage and function in AWS', () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((line: string) => (lines.push(line), true)) as typeof process.stdout.write;
    try {
      const off = functionMetrics({ stage: 'local', metrics: false }, 'ingest');
      off.add('EventsParsed', 5);
      off.flush();
      const on = functionMetrics({ stage: 'prod', metrics: true }, 'ingest');
      on.add('EventsParsed', 5);
      on.flush();
    } finally {
      process.stdout.write = write;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ Stage: 'prod', Function: 'ingest', EventsParsed: 5 });
  });
});
