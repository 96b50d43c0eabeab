import { loadDefinitions, type Definitions } from '../../src/local/definitions';
import { getAttId, packageService, props, resourcesOfType, ROOT, STAGE, type Template } from './packaged-service';
import { lambdaFunctions, sqsMappings } from './template-queries';

/**
 * The local stack reads serverless.yml and infra/*.yml itself (src/local/definitions.ts) instead
 * of asking the framework. These tests hold it to what the framework generates: the same queues,
 * buckets and tables with the same keys and settings, the same functions and triggers, the same
 * environment. A resource file the local reader misses, or a variable it resolves differently,
 * shows up here rather than as a laptop that behaves unlike AWS.
 */

let template: Template;
let definitions: Definitions;

beforeAll(async () => {
  ({ template } = await packageService());
  definitions = loadDefinitions(ROOT, STAGE);
}, 300_000);

/** The framework's own deployment bucket is not part of Prowl. */
const FRAMEWORK_RESOURCES = new Set(['ServerlessDeploymentBucket']);

function deployed(type: string): Array<[string, Record<string, unknown>]> {
  return resourcesOfType(template, type)
    .filter(([id]) => !FRAMEWORK_RESOURCES.has(id))
    .map(([id, resource]) => [id, props(resource)]);
}

function local(type: string): Array<[string, Record<string, unknown>]> {
  return Object.entries(definitions.resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}

function byId<T>(entries: Array<[string, Record<string, unknown>]>, pick: (p: Record<string, unknown>) => T): Record<string, T> {
  return Object.fromEntries(entries.map(([id, p]) => [id, pick(p)]));
}

describe('local stack definitions against the deployed template', () => {
  it('creates exactly the queues the template declares, with the same names, timeouts and redrive', () => {
    const queue = (p: Record<string, unknown>) => {
      const redrive = p['RedrivePolicy'] as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
      return {
        name: p['QueueName'],
        visibility: p['VisibilityTimeout'],
        retention: p['MessageRetentionPeriod'],
        redrive: redrive && { deadLetterQueue: getAttId(redrive.deadLetterTargetArn, 'Arn'), maxReceiveCount: redrive.maxReceiveCount },
      };
    };
    const expected = byId(deployed('AWS::SQS::Queue'), queue);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(6);
    expect(byId(local('AWS::SQS::Queue'), queue)).toEqual(expected);
  });

  it('creates exactly the tables the template declares, with the same keys and indexes', () => {
    const table = (p: Record<string, unknown>) => ({
      name: p['TableName'],
      keys: p['KeySchema'],
      attributes: p['AttributeDefinitions'],
      indexes: p['GlobalSecondaryIndexes'],
      billing: p['BillingMode'],
    });
    const expected = byId(deployed('AWS::DynamoDB::Table'), table);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(4);
    expect(byId(local('AWS::DynamoDB::Table'), table)).toEqual(expected);
  });

  it('creates exactly the buckets the template declares, announcing new objects to the same queues', () => {
    const bucket = (p: Record<string, unknown>) => {
      const configs =
        (p['NotificationConfiguration'] as { QueueConfigurations?: Array<{ Event: string; Queue: unknown }> } | undefined)?.QueueConfigurations ?? [];
      return { name: p['BucketName'], notifies: configs.map((config) => ({ event: config.Event, queue: getAttId(config.Queue, 'Arn') })) };
    };
    const expected = byId(deployed('AWS::S3::Bucket'), bucket);
    expect(Object.keys(expected).sort()).toEqual(['LakeBucket', 'RawBucket']);
    expect(byId(local('AWS::S3::Bucket'), bucket)).toEqual(expected);
  });

  it('runs the same functions with the same timeouts, fed by the same queues', () => {
    const functions = lambdaFunctions(template);
    const nameOf = new Map(functions.map((fn) => [fn.logicalId, fn.name.replace(`prowl-${STAGE}-`, '')]));
    const deployedFunctions = Object.fromEntries(functions.map((fn) => [nameOf.get(fn.logicalId), fn.timeout]));
    expect(Object.fromEntries(definitions.functions.map((fn) => [fn.name, fn.timeoutSeconds]))).toEqual(deployedFunctions);

    const deployedTriggers = sqsMappings(template)
      .map((m) => ({
        fn: nameOf.get(m.functionId),
        queue: m.queueId,
        batchSize: m.batchSize,
        reportsBatchItemFailures: JSON.stringify(m.functionResponseTypes) === '["ReportBatchItemFailures"]',
      }))
      .sort((a, b) => a.queue.localeCompare(b.queue));
    const localTriggers = definitions.functions
      .flatMap((fn) =>
        fn.sqs.map((trigger) => ({
          fn: fn.name,
          queue: trigger.queue,
          batchSize: trigger.batchSize,
          reportsBatchItemFailures: trigger.reportsBatchItemFailures,
        })),
      )
      .sort((a, b) => a.queue.localeCompare(b.queue));
    expect(localTriggers).toEqual(deployedTriggers);
  });

  it('runs the same functions on the same schedules', () => {
    const functions = lambdaFunctions(template);
    const nameOf = new Map(functions.map((fn) => [fn.logicalId, fn.name.replace(`prowl-${STAGE}-`, '')]));
    const deployedSchedules = resourcesOfType(template, 'AWS::Events::Rule')
      .map(([, rule]) => props(rule))
      .filter((rule) => rule['ScheduleExpression'] !== undefined)
      .map((rule) => {
        const [target] = rule['Targets'] as Array<{ Arn: unknown; Input?: string }>;
        return {
          fn: nameOf.get(getAttId(target?.Arn, 'Arn') ?? ''),
          expression: rule['ScheduleExpression'],
          ...(target?.Input === undefined ? {} : { input: JSON.parse(target.Input) as unknown }),
        };
      })
      .sort((a, b) => String(a.fn).localeCompare(String(b.fn)));
    expect(deployedSchedules.length).toBeGreaterThanOrEqual(2);
    const localSchedules = definitions.functions
      .flatMap((fn) =>
        fn.schedules.map((schedule) => ({ fn: fn.name, expression: schedule.expression, ...(schedule.input === undefined ? {} : { input: schedule.input }) })),
      )
      .sort((a, b) => a.fn.localeCompare(b.fn));
    expect(localSchedules).toEqual(deployedSchedules);
  });

  it('runs every function on a laptop: fed by its queue, on its schedule, or, with neither, from the Slack app', () => {
    // slack: Socket Mode or the terminal. scan and compact also run from the CLI (`prowl scan`, `prowl compact`),
    // digest from `/prowl digest` (the jobs function runs it).
    // A new function without a queue or a schedule needs a way to run locally before it joins this list.
    expect(
      definitions.functions
        .filter((fn) => fn.sqs.length === 0 && fn.schedules.length === 0)
        .map((fn) => fn.name)
        .sort(),
    ).toEqual(['slack']);
  });

  it('gives the functions the environment they get in AWS', () => {
    for (const fn of lambdaFunctions(template))
      expect({ fn: fn.name, environment: definitions.environment }).toEqual({ fn: fn.name, environment: fn.environment });
  });
});
