import { summarizeResult } from '../../src/search/result-summary';

describe('summarizeResult', () => {
  it('gives rows, bytes scanned and time', () => {
    expect(summarizeResult({ columns: [], rows: [], rowCount: 42, truncated: false, bytesScanned: 1_288_490, elapsedMs: 2140 })).toBe(
      '42 rows · 1.2 MB scanned · 2.1 s',
    );
  });

  it('marks a cut result and shows a search that read nothing as 0 B', () => {
    expect(summarizeResult({ columns: [], rows: [], rowCount: 1, truncated: false, bytesScanned: 0, elapsedMs: 80 })).toBe('1 row · 0 B scanned · 80 ms');
    expect(summarizeResult({ columns: [], rows: [], rowCount: 100, truncated: true, bytesScanned: 2048, elapsedMs: 80 })).toBe(
      '100+ rows · 2.0 KB scanned · 80 ms',
    );
  });
});
