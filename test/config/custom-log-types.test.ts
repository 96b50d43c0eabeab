import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigFile } from '../../src/config';
import { logTypesFromConfig } from '../../src/app/services';

const fixture = join(__dirname, '..', 'fixtures', 'prowl.custom.config.yml');
const config = (): ReturnType<typeof parseConfigFile> => parseConfigFile(readFileSync(fixture, 'utf8'), 'prowl.config.yml');

describe('log types declared in prowl.config.yml', () => {
  it('join the built-in ones', () => {
    const registry = logTypesFromConfig(config(), 'prowl.config.yml');
    expect(registry.byName('Custom.AppAudit').name).toBe('Custom.AppAudit');
    expect(registry.byName('AWS.CloudTrail').name).toBe('AWS.CloudTrail');
  });

  it('stop the start with the declaration’s own error and where it is', () => {
    const broken = { ...config(), logTypes: [{ name: 'AppAudit', fields: [{ name: 'x', type: 'string' }] }] };
    expect(() => logTypesFromConfig(broken, 'prowl.config.yml')).toThrow(/prowl\.config\.yml → logTypes\.0: .*Custom\./s);
  });

  it('must exist when a source names them', () => {
    const typo = { ...config(), logTypes: [], sources: [{ label: 'x', prefix: 'app/', logTypes: ['Custom.AppAudti'] }] };
    expect(() => logTypesFromConfig(typo, 'prowl.config.yml')).toThrow(/sources\.0\.logTypes\.0: .*Custom\.AppAudti/);
  });
});
