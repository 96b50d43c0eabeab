import { jsonCandidates, MAX_RECORD_BYTES, type Candidate } from '../../src/logs/json-framing';

async function* chunksOf(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function frame(text: string | Buffer, size = 1 << 16): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for await (const candidate of jsonCandidates(chunksOf(text, size))) found.push(candidate);
  return found;
}

const values = (candidates: Candidate[]): unknown[] => candidates.map((candidate) => ('value' in candidate ? candidate.value : { error: candidate.error }));

// Strings holding everything the scanner must not be fooled by: brackets, escaped quotes and
// backslashes, and multi-byte characters that a chunk boundary can split.
const tricky = [
  { eventName: 'a', note: 'brackets } ] { [ inside', quote: 'say \\"hi\\"', path: 'C:\\\\temp\\\\', emoji: '日本語 🦉' },
  { eventName: 'b', nested: { list: [{ x: 1 }, { y: [2, 3] }], empty: {} }, n: -1.5e3, t: true, f: false, z: null },
];

describe('JSON framing', () => {
  it('yields each element of a Records document with its record number', async () => {
    const found = await frame(JSON.stringify({ Records: tricky }));
    expect(found.map((candidate) => candidate.position)).toEqual([1, 2]);
    expect(values(found)).toEqual(tricky);
  });

  it('gives the same records wherever the chunks split the bytes', async () => {
    const document = Buffer.from(`\uFEFF{ "Records" : [ ${tricky.map((record) => JSON.stringify(record)).join(' ,\n ')} ] }`);
    const whole = values(await frame(document));
    expect(whole).toEqual(tricky);
    for (let size = 1; size <= 17; size++) expect(values(await frame(document, size))).toEqual(whole);
  });

  it('reads JSON lines, concatenated values and a pretty-printed document, positioned by line', async () => {
    expect((await frame('{"a":1}\n\n{"b":2}\n')).map((candidate) => candidate.position)).toEqual([1, 3]);
    expect(values(await frame('{"a":1}{"b":2} {"c":3}'))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(values(await frame(JSON.stringify({ a: { b: [1, 2] } }, null, 2)))).toEqual([{ a: { b: [1, 2] } }]);
  });

  it('opens up a Records document whose Records key is not first', async () => {
    expect(values(await frame('{"Other":1,"Records":[{"a":1},{"b":2}]}'))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('costs one line, not the rest of the file, when a JSON line is cut short', async () => {
    const found = await frame('{"a":1}\n{"b":2\n{"c":"unterminated\n{"d":4}\n');
    expect(found).toEqual([
      { position: 1, value: { a: 1 }, raw: '{"a":1}' },
      { position: 2, error: 'not JSON: the line ends inside a record', raw: '{"b":2' },
      { position: 3, error: 'not JSON: the line ends inside a string', raw: '{"c":"unterminated' },
      { position: 4, value: { d: 4 }, raw: '{"d":4}' },
    ]);
  });

  it('reads a broken pretty-printed document again line by line', async () => {
    const found = await frame('{"a":\n  1,\n{"b":2}\n');
    expect(found.map((candidate) => ('value' in candidate ? candidate.value : candidate.position))).toEqual([1, 2, { b: 2 }]);
  });

  it('reports text that is not JSON as one failure per line', async () => {
    const found = await frame('{"a":1}\nhello world\n"just a string"\n{"b":2}');
    expect(found.map((candidate) => ('error' in candidate ? `${candidate.position}: ${candidate.error}` : candidate.position))).toEqual([
      1,
      '2: not JSON: a record starts with { or [',
      '3: not JSON: a record starts with { or [',
      4,
    ]);
  });

  it('says the file is truncated when it ends inside a record or before the Records array closes', async () => {
    expect(await frame('{"Records":[{"a":1},{"b":')).toEqual([
      { position: 1, value: { a: 1 }, raw: '{"a":1}' },
      { position: 2, error: 'the object ends inside this record: the file is truncated', raw: '{"b":' },
    ]);
    expect((await frame('{"Records":[{"a":1},')).at(-1)).toEqual({ position: 2, error: 'the Records array never closes: the file is truncated', raw: '' });
  });

  it('reports Records elements that are not objects, and bad JSON inside one, without losing the others', async () => {
    const found = await frame('{"Records":[{"a":1}, 42, "text", {"b": tru}, } , {"c":3}]}');
    expect(found.map((candidate) => ('value' in candidate ? candidate.value : `error ${candidate.position}`))).toEqual([
      { a: 1 },
      42,
      'text',
      'error 4',
      'error 5',
      { c: 3 },
    ]);
  });

  it('skips a record too long to be real without holding it, and reads on', async () => {
    const huge = `{"pad":"${'x'.repeat(MAX_RECORD_BYTES + 1)}"}`;
    const found = await frame(`{"Records":[{"a":1},${huge},{"b":2}]}`);
    expect(found.map((candidate) => ('value' in candidate ? candidate.value : candidate.error))).toEqual([
      { a: 1 },
      `record longer than ${MAX_RECORD_BYTES} bytes; not read`,
      { b: 2 },
    ]);
  });

  it('hands out records before the object has been read to the end', async () => {
    // An endless Records array: a framer that read everything first would never return.
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"Records":[');
      for (let i = 0; ; i++) yield Buffer.from(`{"n":${i}},`);
    }
    const first: unknown[] = [];
    for await (const candidate of jsonCandidates(endless())) {
      first.push('value' in candidate ? candidate.value : candidate);
      if (first.length === 3) break;
    }
    expect(first).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });
});
