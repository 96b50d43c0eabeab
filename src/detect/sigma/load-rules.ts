import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Rule } from '../rule';
import { compileCorrelation } from './compile-correlation';
import type { CompiledSigmaRule, CompileOptions } from './compile-rule';
import { parseSigmaFile, type PendingCorrelation } from './parse-rule';
import { parseSigmaTests, TESTS_SUFFIXES } from './rule-tests-file';
import { DocumentProblem, SigmaLoadError, type SigmaProblem } from './sigma-error';

const RULE_EXTENSIONS = ['.yml', '.yaml'];
const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE'];

/** One rule that loaded, and the file it came from. */
export interface LoadedSigmaRule {
  file: string;
  rule: Rule;
  /** Titles of the correlations that read this rule; it alerts on its own only when one says `generate: true`. */
  correlatedBy: string[];
}

/** What reading a directory of Sigma rules found. */
export interface SigmaLoadReport {
  /** In path order, correlations after the rules they read. */
  loaded: LoadedSigmaRule[];
  /** Why each rule that is not running was left out, with its file and line; a rule may have several. */
  skipped: SigmaProblem[];
  /** Tests files that are broken or belong to no rule: the rules load without those tests. */
  tests: SigmaProblem[];
  /** Worth fixing, but the rule runs (ATT&CK tags Prowl does not know). */
  warnings: SigmaProblem[];
}

/**
 * Reads every Sigma rule under a directory (recursively, in name order so ids and messages come
 * out the same on every machine), with its tests from `<name>.tests.yml` beside it. Files and
 * folders starting with `.` are left alone, as editors and git keep their own files there.
 *
 * Rule by rule: a rule that cannot be compiled is reported (file, line, reason) and left out, and
 * every other rule loads — a community folder with one rule Prowl cannot run still protects you
 * with the rest. A LICENSE file naming the Detection Rule License (as SigmaHQ ships) is attributed
 * on every rule beneath it that names no license of its own.
 */
export function readSigmaRules(directory: string): SigmaLoadReport {
  const report: SigmaLoadReport = { loaded: [], skipped: [], tests: [], warnings: [] };
  const files = listFiles(directory, report.skipped);
  const isTests = (file: string): boolean => TESTS_SUFFIXES.some((suffix) => file.toLowerCase().endsWith(suffix));
  const ruleFiles = files.filter((file) => !isTests(file) && RULE_EXTENSIONS.some((extension) => file.toLowerCase().endsWith(extension)));
  const testFiles = files.filter(isTests);
  const licenses = new LicenseFinder(directory);

  const rulesByFile = new Map<string, CompiledSigmaRule[]>();
  const correlations: Array<{ file: string; pending: PendingCorrelation }> = [];
  const ids = new UniqueIds();
  for (const file of ruleFiles) {
    const text = read(file, report.skipped);
    if (text === undefined) continue;
    const parsed = parseSigmaFile(text, file, licenses.optionsFor(file));
    report.skipped.push(...parsed.problems);
    report.warnings.push(...parsed.warnings);
    const unique = parsed.rules.filter((rule) => {
      const duplicate = ids.claim(rule.rule.id, rule.sigmaId, file);
      if (duplicate) report.skipped.push({ ...duplicate, rule: rule.title });
      return !duplicate;
    });
    rulesByFile.set(file, unique);
    correlations.push(...parsed.correlations.map((pending) => ({ file, pending })));
  }

  const testsByRule = attachTests(testFiles, rulesByFile, report.tests);
  const detectionRules = [...rulesByFile.entries()].flatMap(([file, rules]) => rules.map((rule) => ({ file, rule })));
  const compiledCorrelations = bindCorrelations(correlations, detectionRules, ids, licenses, report);

  const correlatedBy = new Map<CompiledSigmaRule, { titles: string[]; generate: boolean }>();
  for (const { correlation } of compiledCorrelations) {
    for (const rule of correlation.referenced) {
      const entry = correlatedBy.get(rule) ?? { titles: [], generate: false };
      entry.titles.push(correlation.compiled.title);
      entry.generate ||= correlation.generate;
      correlatedBy.set(rule, entry);
    }
  }
  for (const { file, rule } of detectionRules) {
    const by = correlatedBy.get(rule);
    // Sigma's default: a rule a correlation reads is a building block, not an alert of its own.
    const enabled = rule.rule.enabled && (by === undefined || by.generate);
    report.loaded.push({ file, rule: { ...rule.rule, enabled, tests: testsByRule.get(rule) ?? [] }, correlatedBy: by?.titles ?? [] });
  }
  for (const { file, correlation } of compiledCorrelations) report.loaded.push({ file, rule: correlation.compiled.rule, correlatedBy: [] });
  return report;
}

/** Options for loading a directory: `strict` refuses the whole directory when any rule or tests file is broken. */
export interface LoadOptions {
  strict: boolean;
}

/**
 * The rules of a directory. Strict (for Prowl's own pack, in CI and at deploy): any rule that
 * would be skipped, or any broken tests file, stops the load with every problem listed. Lenient
 * (for folders users bring): what loads, loads; read `readSigmaRules` to report the rest.
 */
export function loadSigmaRules(directory: string, options: LoadOptions = { strict: true }): Rule[] {
  const report = readSigmaRules(directory);
  if (options.strict && report.skipped.length + report.tests.length > 0) throw new SigmaLoadError([...report.skipped, ...report.tests]);
  return report.loaded.map(({ rule }) => rule);
}

function attachTests(
  testFiles: readonly string[],
  rulesByFile: ReadonlyMap<string, CompiledSigmaRule[]>,
  problems: SigmaProblem[],
): Map<CompiledSigmaRule, Rule['tests']> {
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
  return testsByRule;
}

/** Binds each correlation to its rules by Sigma id or name; one whose rules are missing is skipped. */
function bindCorrelations(
  correlations: ReadonlyArray<{ file: string; pending: PendingCorrelation }>,
  rules: ReadonlyArray<{ rule: CompiledSigmaRule }>,
  ids: UniqueIds,
  licenses: LicenseFinder,
  report: SigmaLoadReport,
): Array<{ file: string; correlation: ReturnType<typeof compileCorrelation> }> {
  const byReference = new Map<string, CompiledSigmaRule>();
  for (const { rule } of rules) {
    if (rule.sigmaId !== undefined) byReference.set(rule.sigmaId, rule);
    if (rule.name !== undefined && !byReference.has(rule.name)) byReference.set(rule.name, rule);
  }
  const correlationReferences = new Set(
    correlations.flatMap(({ pending }) => [pending.document.id, pending.document.name].filter((value): value is string => value !== undefined)),
  );
  const bound: Array<{ file: string; correlation: ReturnType<typeof compileCorrelation> }> = [];
  for (const { file, pending } of correlations) {
    try {
      const license = pending.document.license ?? licenses.optionsFor(file).license;
      const correlation = compileCorrelation(
        license ? { ...pending.document, license } : pending.document,
        (reference) => byReference.get(reference) ?? (correlationReferences.has(reference) ? 'correlation' : undefined),
      );
      report.warnings.push(...correlation.compiled.warnings.map((warning) => pending.problem(warning.kind, warning.path, warning.message)));
      const duplicate = ids.claim(correlation.compiled.rule.id, correlation.compiled.sigmaId, file);
      if (duplicate) report.skipped.push({ ...duplicate, rule: correlation.compiled.title });
      else bound.push({ file, correlation });
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      report.skipped.push(pending.problem(error.kind, error.path, error.message));
    }
  }
  return bound;
}

/** Prowl ids (from the title) and Sigma ids must each be unique: alerts, rule state and tests are keyed by them. */
class UniqueIds {
  private readonly byProwlId = new Map<string, string>();
  private readonly bySigmaId = new Map<string, string>();

  /** Records the ids, or returns why they are taken (and records nothing). */
  claim(prowlId: string, sigmaId: string | undefined, file: string): SigmaProblem | undefined {
    const first = this.byProwlId.get(prowlId);
    if (first)
      return {
        kind: 'duplicate',
        file,
        where: 'title',
        message: `rule id ${prowlId} (from the title) is already used by ${first}; give the rule a distinct title`,
      };
    const firstSigma = sigmaId === undefined ? undefined : this.bySigmaId.get(sigmaId);
    if (firstSigma) return { kind: 'duplicate', file, where: 'id', message: `Sigma id ${sigmaId} is already used by ${firstSigma}` };
    this.byProwlId.set(prowlId, file);
    if (sigmaId !== undefined) this.bySigmaId.set(sigmaId, file);
    return undefined;
  }
}

/** The Detection Rule License named by the nearest LICENSE file between a rule and the loaded directory. */
class LicenseFinder {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  optionsFor(file: string): CompileOptions {
    const license = this.licenseOf(dirname(file));
    return license ? { license } : {};
  }

  private licenseOf(folder: string): string | undefined {
    if (this.cache.has(folder)) return this.cache.get(folder);
    let license: string | undefined;
    for (const name of LICENSE_FILES) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      const drl = /Detection Rule License\s*\(DRL\)\s*(\d+(?:\.\d+)*)?/i.exec(text);
      if (drl) license = `Detection Rule License (DRL)${drl[1] ? ` ${drl[1]}` : ''}`;
      break;
    }
    const inside = relative(this.root, folder);
    if (license === undefined && inside !== '' && !inside.startsWith('..')) license = this.licenseOf(dirname(folder));
    this.cache.set(folder, license);
    return license;
  }
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
