import { formatCsv } from '../../src/search/format-csv';
import type { SearchResult } from '../../src/search/search-backend';

const csvOf = (columns: string[], rows: SearchResult['rows']): string =>
  formatCsv({ columns, rows, rowCount: rows.length, truncated: false, bytesScanned: 0, elapsedMs: 0 });

describe('formatCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      csvOf(
        ['a', 'b'],
        [
          ['x', 1],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\nx,1\r\n,true\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvOf(['v'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere']])).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n');
  });

  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralizes the formula-like text %j with a leading apostrophe',
    (value) => {
      const line = csvOf(['v'], [[value]]).split('\r\n')[1]!;
      expect(line.startsWith('"\'') || line.startsWith("'")).toBe(true);
      expect(line).toContain(value.replace(/"/g, '""'));
    },
  );

  it('leaves negative numbers as numbers', () => {
    expect(csvOf(['n'], [[-5]])).toBe('n\r\n-5\r\n');
  });

  it('writes lists as comma-separated items and objects as JSON, quoted', () => {
    expect(csvOf(['ips', 'obj'], [[['1.2.3.4', '5.6.7.8'], { a: 1 }]])).toBe('ips,obj\r\n"1.2.3.4, 5.6.7.8","{""a"":1}"\r\n');
  });

  it('neutralizes a formula-like column name too', () => {
    expect(csvOf(['=cmd'], [])).toBe("'=cmd\r\n");
  });
});
