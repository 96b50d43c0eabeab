import { formatTextTable } from '../../src/search/format-table';
import type { SearchResult } from '../../src/search/search-backend';

const result = (rows: SearchResult['rows'], extra: Partial<SearchResult> = {}): SearchResult => ({
  columns: ['p_event_time', 'eventName', 'p_any_ip_addresses', 'requestParameters'],
  rows,
  rowCount: rows.length,
  truncated: false,
  bytesScanned: 0,
  elapsedMs: 5,
  ...extra,
});

describe('formatTextTable', () => {
  it('aligns the chosen columns under a header', () => {
    const table = formatTextTable(result([['2024-05-02T09:00:00.000Z', 'ConsoleLogin', ['1.2.3.4', '5.6.7.8'], null]]), {
      fields: ['eventName', 'p_any_ip_addresses'],
    });
    expect(table).toBe(['eventName     p_any_ip_addresses', '------------  ------------------', 'ConsoleLogin  1.2.3.4, 5.6.7.8'].join('\n'));
  });

  it('shows objects as JSON and cuts long cells with an ellipsis', () => {
    const table = formatTextTable(result([['t', 'x'.repeat(50), [], { bucketName: 'b' }]]), { fields: ['eventName', 'requestParameters'], maxCellWidth: 10 });
    expect(table.split('\n')[2]).toBe('xxxxxxxxx…  {"bucketN…');
  });

  it('keeps control characters and backticks from breaking the table or a Slack code block', () => {
    const table = formatTextTable(result([['t', 'a\nb\t```c', [], null]]), { fields: ['eventName'] });
    expect(table.split('\n')[2]).toBe("a b '''c");
  });

  it('counts the rows it does not show', () => {
    const rows = Array.from({ length: 5 }, (_, index) => [`t${index}`, 'e', [], null]);
    const table = formatTextTable(result(rows), { fields: ['p_event_time'], maxRows: 2 });
    expect(table.split('\n').slice(2)).toEqual(['t0', 't1', '… 3 more rows']);
  });

  it('says when the result itself was cut at the row limit', () => {
    const table = formatTextTable(result([['t', 'e', [], null]], { truncated: true }), { fields: ['p_event_time'] });
    expect(table.split('\n').at(-1)).toBe('… more rows (result cut at the row limit)');
  });

  it('says when there are no rows', () => {
    expect(formatTextTable(result([]), { fields: ['eventName'] })).toBe('eventName\n---------\n(no rows)');
  });

  it('rejects a column the result does not have', () => {
    expect(() => formatTextTable(result([]), { fields: ['nope'] })).toThrow(
      'the result has no column "nope"; it has p_event_time, eventName, p_any_ip_addresses, requestParameters',
    );
  });
});
