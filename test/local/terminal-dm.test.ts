import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createOperations, createServices } from '../../src/app/services';
import { iamUserIdentity } from '../../src/detect/test-events';
import type { LocalStack } from '../../src/local/local-stack';
import { startTerminalPrompt } from '../../src/local/terminal-slack';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';

/** "Was this you?" on a laptop without a workspace: the DM is printed for the terminal user, who answers at the prompt. */
describe('the terminal Slack asking "was this you?"', () => {
  let stack: LocalStack;
  let printed = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });

  beforeAll(async () => {
    stack = await startTestStack({ slack: { mode: 'terminal' }, configPath: join(__dirname, '..', 'fixtures', 'prowl.confirm.config.yml') });
  });
  afterAll(async () => {
    await stack.stop();
    stdout.mockRestore();
  });

  it('prints the DM with its buttons as commands, and takes the answer typed at the prompt', async () => {
    const login = cloudTrailEvent({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      userIdentity: iamUserIdentity('bob'),
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MFAUsed: 'No' },
    });
    await stack.putObject(cloudTrailKey('terminal-dm'), cloudTrailFile([login]));
    await stack.runner.idle();
    const services = createServices(stack.runtime, stack.clients);
    const [alert] = await services.alerts.listByRule('AWS.CloudTrail.ConsoleLoginWithoutMfa', 5);

    expect(printed).toContain('┌─ → DM to local');
    expect(printed).toContain('│ WAS THIS YOU?');
    expect(printed).toContain('│ [Yes, that was me] [No, it wasn’t me]');
    expect(printed).toContain(`│   at this prompt: /prowl confirm ${alert!.id} yes · /prowl confirm ${alert!.id} no`);
    expect(printed).toContain('Asked local (IAM user bob) whether this was them');

    const input = new PassThrough();
    const output = new PassThrough();
    let answers = '';
    output.on('data', (chunk) => (answers += String(chunk)));
    const prompt = startTerminalPrompt(
      input,
      output,
      createOperations(services, async () => 'UTC'),
    );
    input.write(`/prowl confirm ${alert!.id} yes\n/prowl confirm ${alert!.id} no\n`);
    input.end();
    await prompt.closed;

    expect(answers).toContain(`Thanks — recorded for ${alert!.id}, and the alert is resolved as expected activity.`);
    expect(answers).toContain('this was answered already: yes, it was you');
    expect(await services.alerts.get(alert!.id)).toMatchObject({ status: 'RESOLVED', resolvedBy: 'local', confirmation: { status: 'confirmed' } });
  });
});
