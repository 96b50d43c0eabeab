import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rules as pack } from '../../detections';
import type { Policy } from '../detect/policy';
import { type DetectionTestResult, runDetectionTests, selectDetections } from '../detect/detection-tests';
import { policySubject } from '../detect/policy-tests';
import type { Rule } from '../detect/rule';
import { ruleSubject } from '../detect/rule-tests';
import { ProwlError } from '../errors';
import { writeLine, type CommandIO } from './io';

export const TEST_USAGE = 'prowl test [--filter <substring of a rule or policy id>]';

const optionsSchema = z.strictObject({
  filter: z.string().min(1, '--filter needs a non-empty substring of a rule id').optional(),
});

type TestOptions = z.infer<typeof optionsSchema>;

/** Read duck-typed: errors from Node's own modules can come from another realm and fail `instanceof Error`. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Parses `prowl test` arguments; anything unknown or incomplete is a bad-command error that shows the usage. */
export function parseTestArgs(argv: readonly string[]): TestOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], allowPositionals: false, strict: true, options: { filter: { type: 'string' } } }));
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'", "Option '--filter <value>' argument missing").
    throw new ProwlError('prowl_bad_command', `${messageOf(error)}\nUsage: ${TEST_USAGE}`, { cause: error });
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new ProwlError('prowl_bad_command', `${parsed.error.issues.map((issue) => issue.message).join('; ')}\nUsage: ${TEST_USAGE}`);
  return parsed.data;
}

/** One line per detection; a failing one lists each failed test with its reason, indented under it. */
export function formatResults(results: readonly DetectionTestResult[]): string {
  const byDetection = new Map<string, DetectionTestResult[]>();
  for (const result of results) byDetection.set(result.detectionId, [...(byDetection.get(result.detectionId) ?? []), result]);

  const lines: string[] = [];
  let detectionsPassed = 0;
  for (const [detectionId, detectionResults] of byDetection) {
    const failed = detectionResults.filter((result) => !result.passed);
    if (failed.length === 0) {
      detectionsPassed += 1;
      lines.push(`PASS ${detectionId}`);
      continue;
    }
    lines.push(`FAIL ${detectionId}`);
    for (const failure of failed) {
      const [first = '', ...rest] = (failure.reason ?? 'failed').split('\n');
      lines.push(`  ✗ ${failure.testName}: ${first}`, ...rest.map((line) => `      ${line}`));
    }
  }
  const testsPassed = results.filter((result) => result.passed).length;
  lines.push(`${detectionsPassed} passed, ${byDetection.size - detectionsPassed} failed (${testsPassed} of ${results.length} tests passed)`);
  return `${lines.join('\n')}\n`;
}

/**
 * `prowl test [--filter <substring>]`: runs the own tests of every rule, Sigma rule and policy
 * through one runner and returns the exit code: 0 all passed, 1 a test failed or the filter selected
 * nothing, 2 bad arguments. The lists are parameters so Sigma rules or a `--rules` directory are
 * tested the same way.
 */
export async function testCommand(argv: string[], io: CommandIO, rules: readonly Rule[] = pack, policies: readonly Policy[] = []): Promise<number> {
  let options: TestOptions;
  try {
    options = parseTestArgs(argv);
  } catch (error) {
    writeLine(io.stderr, `prowl test: ${messageOf(error)}`);
    return 2;
  }
  const subjects = [...rules.map((rule) => ruleSubject(rule)), ...policies.map(policySubject)];
  if (selectDetections(subjects, options.filter).length === 0) {
    // A typo in --filter must not look like a green run.
    writeLine(
      io.stderr,
      options.filter === undefined
        ? 'prowl test: no rules loaded, nothing to test'
        : `prowl test: no rule or policy id contains "${options.filter}" (${rules.length} rules and ${policies.length} policies loaded)`,
    );
    return 1;
  }
  const results = runDetectionTests(subjects, options.filter);
  io.stdout.write(formatResults(results));
  return results.every((result) => result.passed) ? 0 : 1;
}
