import { ProwlError } from '../../errors';

/** What kind of mistake a Sigma file has; stable, so callers and tests can tell them apart. */
export type SigmaProblemKind =
  | 'unreadable' // the file or directory could not be read
  | 'yaml' // not well-formed YAML
  | 'document' // well-formed YAML, but not a Sigma rule (missing or mistyped fields)
  | 'unsupported' // a Sigma construct Prowl does not run (correlation, aggregation, near, ...)
  | 'logsource' // a logsource Prowl has no log type for
  | 'modifier' // an unknown modifier or a combination that makes no sense
  | 'value' // a value a field or modifier cannot use
  | 'condition' // a condition that does not parse or names no search identifier
  | 'tags' // a tag in the attack namespace that is not a known tactic or technique
  | 'correlation' // a correlation rule whose rules cannot be found
  | 'tests' // a tests file that is malformed or does not belong to a rule
  | 'duplicate'; // two rules with the same Prowl id or Sigma id

export interface SigmaProblem {
  kind: SigmaProblemKind;
  /** The file as the caller named it. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Where in the document, as a dotted path (`detection.selection.eventName|contains`). */
  where?: string;
  /** The title of the rule the problem is in, when the document got that far. */
  rule?: string;
  message: string;
}

export function formatProblem(problem: SigmaProblem): string {
  const at = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.where ? `${at}: ${problem.where}: ${problem.message}` : `${at}: ${problem.message}`;
}

/**
 * A Sigma file (or several) that cannot be loaded. Carries every problem found, so one run shows
 * the author all of them, each with its file, line and place in the document.
 */
export class SigmaLoadError extends ProwlError {
  constructor(readonly problems: readonly SigmaProblem[]) {
    super('prowl_config_invalid', problems.map(formatProblem).join('\n'));
  }
}

export type DocumentPath = ReadonlyArray<string | number>;

/**
 * Thrown while compiling one document, where the file is not known yet; the caller adds the file
 * and turns `path` into a line number.
 */
export class DocumentProblem extends Error {
  constructor(
    readonly kind: SigmaProblemKind,
    readonly path: DocumentPath,
    message: string,
  ) {
    super(message);
  }
}

/** `detection.selection[0].eventName|contains`: the path as an author would look for it. */
export function describePath(path: DocumentPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
