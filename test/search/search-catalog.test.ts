import type { LogType } from '../../src/logs/log-type';
import { createSearchCatalog } from '../../src/search/search-catalog';
import { testFlow } from './helpers/test-log-type';

const withColumnar = (columnarFields: string[]): LogType => ({ ...(testFlow as unknown as LogType), columnarFields });

describe('columnar fields in the search catalog', () => {
  it("lists a log type's columnar fields, and none for a type that declares none", () => {
    const catalog = createSearchCatalog([withColumnar(['peer.name']), { ...(testFlow as unknown as LogType), name: 'Test.Other' }]);
    expect(catalog.find('Test.Flow')?.columnar).toEqual(['peer.name']);
    expect(catalog.find('Test.Other')?.columnar).toEqual([]);
  });

  it.each([
    ['a top-level field', 'action'],
    ['an undeclared key', 'peer.nope'],
    ['a key inside free-form JSON', 'detail.code'],
  ])('refuses %s, saying what a columnar field must be', (_name, path) => {
    expect(() => createSearchCatalog([withColumnar([path])])).toThrow(
      `log type "Test.Flow": columnar field "${path}" must name a field inside one of its objects (a dotted path of declared keys)`,
    );
  });
});
