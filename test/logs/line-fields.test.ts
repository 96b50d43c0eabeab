import { splitFields } from '../../src/logs/line-fields';

describe('splitting access-log fields', () => {
  it('splits on spaces and keeps quoted fields whole, without their quotes', () => {
    expect(splitFields('a "b c" - "d"', { brackets: false })).toEqual(['a', 'b c', '-', 'd']);
  });

  it('keeps bracketed fields whole when asked, and leaves brackets alone otherwise', () => {
    expect(splitFields('x [06/Feb/2019:00:00:38 +0000] y', { brackets: true })).toEqual(['x', '06/Feb/2019:00:00:38 +0000', 'y']);
    expect(splitFields('[2001:db8::1]:443 y', { brackets: false })).toEqual(['[2001:db8::1]:443', 'y']);
  });

  it('unescapes \\" and keeps a stray quote that does not end the field', () => {
    expect(splitFields('"say \\"hi\\" now" "it"s" end', { brackets: false })).toEqual(['say "hi" now', 'it"s', 'end']);
  });

  it('reads an empty quoted field as an empty string', () => {
    expect(splitFields('a "" b', { brackets: false })).toEqual(['a', '', 'b']);
  });

  it('says which field never closes', () => {
    expect(splitFields('a "b c', { brackets: false })).toEqual({ error: 'field 2 opens a quote at column 3 that never closes' });
    expect(splitFields('a [b c', { brackets: true })).toEqual({ error: 'field 2 opens a bracket at column 3 that never closes' });
  });
});
