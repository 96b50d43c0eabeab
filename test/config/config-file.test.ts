import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigFile } from '../../src/config';
import { isProwlError } from '../../src/errors';

const minimal = `
sources: [{ label: cloudtrail, prefix: AWSLogs/ }]
slack: { defaultChannel: '#security', opsChannel: '#prowl-ops' }
`;

function errorOf(text: string): string {
  try {
    parseConfigFile(text, 'prowl.config.yml');
  } catch (error) {
    if (isProwlError(error, 'prowl_config_invalid')) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the configuration file', () => {
  it('accepts the shipped prowl.config.yml', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'prowl.config.yml'), 'utf8');
    expect(parseConfigFile(text, 'prowl.config.yml').slack.defaultChannel).toBe('#security-alerts');
  });

  it('fills defaults for options, roles and teams', () => {
    const config = parseConfigFile(minimal, 'prowl.config.yml');
    expect(config.options).toEqual({ dedupPeriodMinutes: 60, ruleTimeBudgetMs: 100, sampleEventsPerAlert: 5, storm: { threshold: 10, windowMinutes: 5 } });
    expect(config.roles).toEqual({ admins: [], responders: [] });
    expect(config.teams).toEqual([]);
  });

  it('names the bad key and the accepted values', () => {
    const message = errorOf(`${minimal}\nteams: [{ name: web, channel: '#web', minSeverity: HUGE }]`);
    expect(message).toContain('teams.0.minSeverity');
    expect(message).toContain('CRITICAL');
  });

  it('rejects keys it does not know, so typos do not pass silently', () => {
    expect(errorOf(`${minimal}\noptions: { dedupPeriodMinuts: 5 }`)).toMatch(/options.*dedupPeriodMinuts/s);
  });

  it('explains what a Slack principal looks like', () => {
    expect(errorOf(`${minimal}\nroles: { admins: [alice] }`)).toMatch(/roles\.admins\.0: expected a Slack user id/);
  });

  it('reports broken YAML as such', () => {
    expect(errorOf('sources: [')).toMatch(/not valid YAML/);
  });

  it('requires at least one source', () => {
    expect(errorOf(`sources: []\nslack: { defaultChannel: '#a', opsChannel: '#b' }`)).toMatch(/sources: declare at least one log source/);
  });
});
