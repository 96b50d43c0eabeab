import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rules as pack } from '../../detections';
import type { Policy } from '../detect/policy';
import { runPolicyTests, selectPolicies } from '../detect/policy-tests';
import type { Rule } from '../detect/rule';
import { runRuleTests, selectRules, type RuleTestResult } from '../detect/rule-tests';
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

/** One line per rule; a failing rule lists each failed test with its reason, indented under it. */
export function formatResults(results: readonly RuleTestResult[]): string {
  const byRule = new Map<string, RuleTestResult[]>();
  for (const result of results) byRule.set(result.ruleId, [...(byRule.get(result.ruleId) ?? []), result]);

  const lines: string[] = [];
  let rulesPassed = 0;
  for (const [ruleId, ruleResults] of byRule) {
    const failed = ruleResults.filter((result) => !result.passed);
    if (failed.length === 0) {
      rulesPassed += 1;
      lines.push(`PASS ${ruleId}`);
      continue;
    }
    lines.push(`FAIL ${ruleId}`);
    for (const failure of failed) {
      const [first = '', ...rest] = (failure.reason ?? 'failed').split('\n');
      lines.push(`  ✗ ${failure.testName}: ${first}`, ...rest.map((line) => `      ${line}`));
    }
  }
  const testsPassed = results.filter((result) => result.passed).length;
  lines.push(`${rulesPassed} passed, ${byRule.size - rulesPassed} failed (${testsPassed} of ${results.length} tests passed)`);
  return `${lines.join('\n')}\n`;
}

/**
 * `prowl test [--filter <substring>]`: runs every detection's and policy's own tests and returns
 * the exit code: 0 all passed, 1 a test failed or the filter selected nothing, 2 bad arguments.
 * The lists are parameters so Sigma rules or a `--rules` directory are tested the same way.
 */
export async function testCommand(argv: string[], io: CommandIO, rules: readonly Rule[] = pack, policies: readonly Policy[] = []): Promise<number> {
  let options: TestOptions;
  try {
    options = parseTestArgs(argv);
  } catch (error) {
    writeLine(io.stderr, `prowl test: ${messageOf(error)}`);
    return 2;
  }
  if (selectRules(rules, options.filter).length === 0 && selectPolicies(policies, options.filter).length === 0) {
    // A typo in --filter must not look like a green run.
    writeLine(
      io.stderr,
      options.filter === undefined
        ? 'prowl test: no rules loaded, nothing to test'
        : `prowl test: no rule or policy id contains "${options.filter}" (${rules.length} rules and ${policies.length} policies loaded)`,
    );
    return 1;
  }
  // Policies report in the rules' shape, so one report covers both.
  const policyResults: RuleTestResult[] = runPolicyTests(policies, options.filter).map(({ policyId, ...rest }) => ({ ruleId: policyId, ...rest }));
  const results = [...runRuleTests(rules, options.filter), ...policyResults];
  io.stdout.write(formatResults(results));
  return results.every((result) => result.passed) ? 0 : 1;
}
