import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../rule';
import type { CompiledSigmaRule } from './compile-rule';
import { parseSigmaFile } from './parse-rule';
import { parseSigmaTests, TESTS_SUFFIXES } from './rule-tests-file';
import { SigmaLoadError, type SigmaProblem } from './sigma-error';

const RULE_EXTENSIONS = ['.yml', '.yaml'];

/**
 * Loads every Sigma rule under a directory (recursively, in name order so ids and errors come out
 * the same on every machine), with its tests from `<name>.tests.yml` beside it. Files and folders
 * starting with `.` are left alone, as editors and git keep their own files there.
 *
 * All problems in all files are collected and thrown together as one SigmaLoadError: a rule that
 * does not load is never skipped, because a detection that silently is not running is worse than
 * a deploy that fails.
 */
export function loadSigmaRules(directory: string): Rule[] {
  const problems: SigmaProblem[] = [];
  const files = listFiles(directory, problems);
  const isTests = (file: string): boolean => TESTS_SUFFIXES.some((suffix) => file.toLowerCase().endsWith(suffix));
  const ruleFiles = files.filter((file) => !isTests(file) && RULE_EXTENSIONS.some((extension) => file.toLowerCase().endsWith(extension)));
  const testFiles = files.filter(isTests);

  const rulesByFile = new Map<string, CompiledSigmaRule[]>();
  for (const file of ruleFiles) {
    const text = read(file, problems);
    if (text === undefined) continue;
    const parsed = parseSigmaFile(text, file);
    problems.push(...parsed.problems);
    rulesByFile.set(file, parsed.rules);
  }

  const testsByRule = new Map<CompiledSigmaRule, Rule['tests']>();
  for (const file of testFiles) {
    const stem = file.slice(0, file.length - TESTS_SUFFIXES.find((suffix) => file.toLowerCase().endsWith(suffix))!.length);
    const ruleFile = RULE_EXTENSIONS.map((extension) => `${stem}${extension}`).find((candidate) => rulesByFile.has(candidate));
    if (ruleFile === undefined) {
      problems.push({ kind: 'tests', file, message: `tests file has no rule beside it; expected ${stem}.yml or ${stem}.yaml` });
      continue;
    }
    const rules = rulesByFile.get(ruleFile)!;
    if (rules.length === 0) continue; // the rule file itself failed; its problems are already reported
    const text = read(file, problems);
    if (text === undefined) continue;
    const parsed = parseSigmaTests(text, file, rules);
    problems.push(...parsed.problems);
    for (const [rule, tests] of parsed.tests) testsByRule.set(rule, tests);
  }

  const loaded = [...rulesByFile.entries()].flatMap(([file, rules]) => rules.map((rule) => ({ file, rule })));
  problems.push(...duplicates(loaded));
  if (problems.length > 0) throw new SigmaLoadError(problems);
  return loaded.map(({ rule }) => ({ ...rule.rule, tests: testsByRule.get(rule) ?? [] }));
}

function listFiles(directory: string, problems: SigmaProblem[]): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch (error) {
    problems.push({ kind: 'unreadable', file: directory, message: `cannot read the Sigma rules directory: ${describe(error)}` });
    return [];
  }
  if (!isDirectory) {
    problems.push({ kind: 'unreadable', file: directory, message: 'is not a directory; give the directory that holds the Sigma .yml files' });
    return [];
  }
  const found: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ kind: 'unreadable', file: folder, message: `cannot list the folder: ${describe(error)}` });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? linkKind(path) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (kind === 'directory') walk(path);
      else if (kind === 'file') found.push(path);
    }
  };
  walk(directory);
  return found;
}

/** A link counts as what it points to; a dangling link is left for `read` to report if it looks like a rule. */
function linkKind(path: string): 'directory' | 'file' | 'other' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'file';
  }
}

function read(file: string, problems: SigmaProblem[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ kind: 'unreadable', file, message: `cannot read the file: ${describe(error)}` });
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Prowl ids (from the title) and Sigma ids must each be unique: alerts, rule state and tests are keyed by them. */
function duplicates(loaded: ReadonlyArray<{ file: string; rule: CompiledSigmaRule }>): SigmaProblem[] {
  const problems: SigmaProblem[] = [];
  const byProwlId = new Map<string, string>();
  const bySigmaId = new Map<string, string>();
  for (const { file, rule } of loaded) {
    const first = byProwlId.get(rule.rule.id);
    if (first) problems.push({ kind: 'duplicate', file, where: 'title', message: `rule id ${rule.rule.id} (from the title) is already used by ${first}; give the rule a distinct title` });
    else byProwlId.set(rule.rule.id, file);
    if (rule.sigmaId === undefined) continue;
    const firstSigma = bySigmaId.get(rule.sigmaId);
    if (firstSigma) problems.push({ kind: 'duplicate', file, where: 'id', message: `Sigma id ${rule.sigmaId} is already used by ${firstSigma}` });
    else bySigmaId.set(rule.sigmaId, file);
  }
  return problems;
}
