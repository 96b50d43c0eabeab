import { PassThrough } from 'node:stream';
import type { LocalStack } from '../../src/local/local-stack';
import { startTerminalPrompt } from '../../src/local/terminal-slack';
import { alertMessage, assignedMessage } from '../../src/slack/alert-message';
import { terminalGateway } from '../../src/slack/gateway';
import { openAlert, T0 } from '../helpers/alerts';
import { createOperations, createServices } from '../../src/app/services';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';

describe('the terminal Slack prompt', () => {
  let stack: LocalStack;
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));

  beforeAll(async () => {
    stack = await startTestStack({ slack: { mode: 'terminal' } });
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function type(input: PassThrough, line: string, expected: RegExp): Promise<void> {
    printed = '';
    input.write(`${line}\n`);
    for (let i = 0; i < 100 && !expected.test(printed); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(printed).toMatch(expected);
  }

  it('lists commands, acknowledges an alert through the same code as Slack, and records who did it', async () => {
    await stack.putObject(cloudTrailKey('terminal'), cloudTrailFile([rootConsoleLogin()]));
    await stack.runner.idle();
    const services = createServices(stack.runtime, stack.clients);
    const [alert] = await services.alerts.listByStatus('OPEN', 10);
    const input = new PassThrough();
    const prompt = startTerminalPrompt(
      input,
      output,
      createOperations(services, async () => 'UTC'),
      () => undefined,
    );

    await type(input, '/prowl help', /\/prowl ack <alert-id> — acknowledge an open alert/);
    await type(input, `/prowl ack ${alert!.id}`, new RegExp(`Acknowledged ${alert!.id.replace(/\./g, '\\.')}\\.`));
    await type(input, '/prowl ack', /an alert id is missing/);
    await type(input, `/prowl events ${alert!.id}`, /Searching the lake for what happened around/);
    prompt.close();

    expect(await services.alerts.get(alert!.id)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'local' });
    expect(await services.audit.list(alert!.id, 10)).toEqual([
      expect.objectContaining({ action: 'acknowledge', actor: 'local', before: { status: 'OPEN' }, after: { status: 'ACKNOWLEDGED' } }),
    ]);
  });

  it('shows the assign controls as the commands that do the same, and a DM as → DM to the person', async () => {
    const written: string[] = [];
    const gateway = terminalGateway(
      (text) => written.push(text),
      () => T0,
    );
    const alert = openAlert({ number: 7, assignee: 'local', assignedBy: 'local', assignedAt: T0.toISO()! });
    await gateway.post('#security-alerts', alertMessage(alert));
    expect(written.join('')).toContain('#7 SOMETHING HAPPENED');
    expect(written.join('')).toContain('Status: Open · assigned to local');
    expect(written.join('')).toContain('Assign: /prowl assign #7 me · /prowl assign #7 @user · /prowl unassign #7');

    await gateway.directMessage('U0PAT123', assignedMessage({ ...alert, assignee: 'U0PAT123' }));
    expect(written.pop()).toMatch(/┌─ → DM to U0PAT123\n│ .*#7 Something happened \(HIGH\) was assigned to you by local\./);
  });
});
