import { textLines, type TextLine } from '../../src/logs/line-framing';

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(text: string, size = 1 << 16, max?: number): Promise<TextLine[]> {
  const found: TextLine[] = [];
  for await (const line of textLines(chunksOf(Buffer.from(text), size), max)) found.push(line);
  return found;
}

describe('line framing', () => {
  it('numbers lines from 1, skipping blank ones but counting them', async () => {
    expect(await lines('first\n\n  \nfourth\n')).toEqual([
      { position: 1, text: 'first' },
      { position: 4, text: 'fourth' },
    ]);
  });

  it('drops the \\r of CRLF endings and reads a last line without a newline', async () => {
    expect(await lines('a\r\nb')).toEqual([
      { position: 1, text: 'a' },
      { position: 2, text: 'b' },
    ]);
  });

  it('gives the same lines wherever the chunks split the bytes, even inside a character', async () => {
    const text = 'réseau 日本語 🦉 line one\nsecond "quoted" line\nthird\n';
    const whole = await lines(text);
    for (let size = 1; size <= 9; size++) expect(await lines(text, size)).toEqual(whole);
    expect(whole[0]).toEqual({ position: 1, text: 'réseau 日本語 🦉 line one' });
  });

  it('reports a line longer than the limit and reads on after it', async () => {
    const found = await lines(`short\n${'x'.repeat(100)}\nafter\n`, 7, 50);
    expect(found).toEqual([
      { position: 1, text: 'short' },
      { position: 2, error: 'line longer than 50 bytes; not read', raw: expect.stringMatching(/^x+$/) },
      { position: 3, text: 'after' },
    ]);
  });
});
