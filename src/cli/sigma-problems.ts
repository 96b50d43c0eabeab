import { relative } from 'node:path';
import { formatProblem, type SigmaProblem } from '../detect/sigma';
import { writeLine } from './io';

/** A problem as the person at the terminal reads it: the file relative to where they are. */
export function describeProblem(problem: SigmaProblem, cwd: string = process.cwd()): string {
  const shown = relative(cwd, problem.file);
  const file = shown === '' || shown.startsWith('..') ? problem.file : shown;
  return `${formatProblem({ ...problem, file })}${problem.rule ? ` [${problem.rule}]` : ''}`;
}

/** Skipped rules and warnings on stderr, so alerts on stdout stay machine-readable. */
export function reportSkipped(stream: NodeJS.WritableStream, skipped: readonly SigmaProblem[], warnings: readonly SigmaProblem[]): void {
  for (const problem of skipped) writeLine(stream, `skipped Sigma rule: ${describeProblem(problem)}`);
  for (const problem of warnings) writeLine(stream, `warning: ${describeProblem(problem)}`);
}
