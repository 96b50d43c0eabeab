import { z } from 'zod';
import { rules as pack } from '../../detections';
import type { Rule } from '../detect/rule';
import { runRuleTests, selectRules, type RuleTestResult } from '../detect/rule-tests';
import { ProwlError } from '../errors';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: prowl test [--filter <substring of a rule id>]';

const optionsSchema = z.strictObject({
  filter: z.string().min(1, '--filter needs a non-empty substring of a rule id').optional(),
});

type TestOptions = z.infer<typeof optionsSchema>;

/** Parses `prowl test` arguments; an unknown or incomplete argument is an error that shows the usage. */
export function parseTestArgs(argv: readonly string[]): TestOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--filter') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ProwlError('prowl_bad_command', `--filter needs a value\n${USAGE}`);
      raw['filter'] = value;
      i += 1;
    } else if (arg.startsWith('--filter=')) {
      raw['filter'] = arg.slice('--filter='.length);
    } else {
      throw new ProwlError('prowl_bad_command', `unknown argument "${arg}"\n${USAGE}`);
    }
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new ProwlError('prowl_bad_command', `${parsed.error.issues.map((issue) => issue.message).join('; ')}\n${USAGE}`);
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
 * `prowl test [--filter <substring>]`: runs every detection's own tests and returns the exit code
 * (0 all passed, 1 a test failed or the filter selected nothing, 2 bad arguments). The rule list is
 * a parameter so Sigma rules or a `--rules` directory can be tested the same way.
 */
export async function testCommand(argv: string[], io: CommandIo, rules: readonly Rule[] = pack): Promise<number> {
  let options: TestOptions;
  try {
    options = parseTestArgs(argv);
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (selectRules(rules, options.filter).length === 0) {
    // A typo in --filter must not look like a green run.
    io.stderr.write(options.filter === undefined ? 'no rules loaded, nothing to test\n' : `no rule id contains "${options.filter}" (${rules.length} rules loaded)\n`);
    return 1;
  }
  const results = runRuleTests(rules, options.filter);
  io.stdout.write(formatResults(results));
  return results.every((result) => result.passed) ? 0 : 1;
}
