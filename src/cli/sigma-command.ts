import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readSigmaRules, type SigmaProblem } from '../detect/sigma';
import { ProwlError } from '../errors';
import { writeLine, type CommandIO } from './io';

export const SIGMA_USAGE = 'prowl sigma check <dir> [--strict] [--format text|json]';

interface Line {
  status: 'loaded' | 'skipped' | 'warning';
  file: string;
  line?: number;
  ruleId?: string;
  title?: string;
  author?: string;
  license?: string;
  enabled?: boolean;
  correlatedBy?: string[];
  reason?: string;
}

function shownPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? file : shown;
}

function problemLine(status: 'skipped' | 'warning', problem: SigmaProblem): Line {
  return {
    status,
    file: shownPath(problem.file),
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.rule ? { title: problem.rule } : {}),
    reason: `${problem.where ? `${problem.where}: ` : ''}${problem.message}`,
  };
}

/**
 * `prowl sigma check <dir>`: what loading a folder of Sigma rules would do, rule by rule — each
 * rule loaded (with its Prowl id) or skipped (with file, line and reason). Exits 1 under
 * `--strict` when anything was skipped, so CI can hold a pack to it.
 */
export async function sigmaCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  });
  const [subcommand, dir, ...extra] = positionals;
  if (subcommand !== 'check' || dir === undefined || extra.length > 0)
    throw new ProwlError('prowl_bad_command', `give "check" and one directory.\nUsage: ${SIGMA_USAGE}`);
  if (values.format !== 'text' && values.format !== 'json') throw new ProwlError('prowl_bad_command', `--format must be text or json, not "${values.format}"`);

  const report = readSigmaRules(dir);
  const refused = [...report.skipped, ...(values.strict ? report.tests : [])];
  const lines: Line[] = [
    ...report.loaded.map(
      ({ file, rule, correlatedBy }): Line => ({
        status: 'loaded',
        file: shownPath(file),
        ruleId: rule.id,
        ...(rule.author ? { author: rule.author } : {}),
        ...(rule.license ? { license: rule.license } : {}),
        enabled: rule.enabled,
        ...(correlatedBy.length > 0 ? { correlatedBy } : {}),
      }),
    ),
    ...refused.map((problem) => problemLine('skipped', problem)),
    ...[...report.warnings, ...(values.strict ? [] : report.tests)].map((problem) => problemLine('warning', problem)),
  ];

  if (values.format === 'json') {
    for (const line of lines) writeLine(io.stdout, JSON.stringify(line));
  } else {
    for (const line of lines) writeLine(io.stdout, formatText(line));
  }
  const skippedRules = new Set(refused.map((problem) => `${problem.file}\u0000${problem.rule ?? problem.line ?? ''}`)).size;
  writeLine(
    io.stderr,
    `${report.loaded.length} rule(s) loaded, ${skippedRules} skipped, ${lines.filter((line) => line.status === 'warning').length} warning(s)`,
  );
  return values.strict && refused.length > 0 ? 1 : 0;
}

function formatText(line: Line): string {
  if (line.status === 'loaded') {
    const notes = [
      line.author ? `by ${line.author}` : undefined,
      line.license,
      line.enabled === false ? (line.correlatedBy ? `runs inside ${line.correlatedBy.join(', ')}` : 'disabled (status)') : undefined,
    ].filter(Boolean);
    return `loaded   ${line.ruleId}  ${line.file}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`;
  }
  const at = line.line === undefined ? line.file : `${line.file}:${line.line}`;
  return `${line.status.padEnd(8)} ${at}${line.title ? ` [${line.title}]` : ''}: ${line.reason}`;
}
