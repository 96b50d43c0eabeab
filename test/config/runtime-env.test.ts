import { parseRuntimeEnv } from '../../src/config';

const complete = {
  PROWL_STAGE: 'prod',
  PROWL_CONFIG: 'prowl.config.yml',
  PROWL_SIGMA_DIR: 'detections/sigma',
  AWS_REGION: 'eu-west-1',
  PROWL_RAW_BUCKET: 'raw',
  PROWL_LAKE_BUCKET: 'lake',
  PROWL_ALERTS_TABLE: 'alerts',
  PROWL_AUDIT_TABLE: 'audit',
  PROWL_SETTINGS_TABLE: 'settings',
  PROWL_RESOURCES_TABLE: 'resources',
  PROWL_SLACK_REQUESTS_TABLE: 'slack-requests',
  PROWL_NOTIFY_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/prowl-prod-notify',
  PROWL_JOBS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/prowl-prod-jobs',
  PROWL_SLACK_MODE: 'slack',
  PROWL_SLACK_BOT_TOKEN_PARAM: '/prowl/prod/slack-bot-token',
  PROWL_SEARCH_BACKEND: 'athena',
  PROWL_METRICS: 'emf',
  PROWL_ATHENA_WORKGROUP: 'prowl-prod',
  PROWL_GLUE_DATABASE: 'prowl_prod',
};

describe('the runtime environment', () => {
  it('reads deployment names and points secrets at their SSM parameters', () => {
    const config = parseRuntimeEnv(complete);
    expect(config.tables).toEqual({ alerts: 'alerts', audit: 'audit', settings: 'settings', resources: 'resources', slackRequests: 'slack-requests' });
    expect(config.secrets.slackBotToken).toEqual({ parameter: '/prowl/prod/slack-bot-token' });
    expect(config.secrets.slackSigningSecret).toBeUndefined();
  });

  it('prefers a secret given directly over its parameter name', () => {
    expect(parseRuntimeEnv({ ...complete, SLACK_BOT_TOKEN: 'xoxb-local' }).secrets.slackBotToken).toEqual({ value: 'xoxb-local' });
  });

  it('names every missing variable instead of defaulting it', () => {
    const { PROWL_ALERTS_TABLE: _a, AWS_REGION: _r, ...incomplete } = complete;
    expect(() => parseRuntimeEnv(incomplete)).toThrow(/PROWL_ALERTS_TABLE[\s\S]*AWS_REGION|AWS_REGION[\s\S]*PROWL_ALERTS_TABLE/);
  });

  it('needs the workgroup and database only when searches run on Athena', () => {
    const { PROWL_ATHENA_WORKGROUP: _w, ...withoutWorkgroup } = complete;
    expect(() => parseRuntimeEnv(withoutWorkgroup)).toThrow('PROWL_ATHENA_WORKGROUP: required when PROWL_SEARCH_BACKEND is athena');
    expect(parseRuntimeEnv({ ...withoutWorkgroup, PROWL_SEARCH_BACKEND: 'duckdb' }).search).toEqual({ backend: 'duckdb' });
  });

  it('rejects a Slack mode it does not know', () => {
    expect(() => parseRuntimeEnv({ ...complete, PROWL_SLACK_MODE: 'email' })).toThrow(/PROWL_SLACK_MODE/);
  });
});

describe('an empty optional variable', () => {
  it('counts as unset, as `SLACK_BOT_TOKEN= npm start` means', () => {
    expect(parseRuntimeEnv({ ...complete, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }).secrets.slackBotToken).toEqual({
      parameter: '/prowl/prod/slack-bot-token',
    });
  });
});
