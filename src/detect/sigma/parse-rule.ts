import type { ZodError } from 'zod';
import type { Rule } from '../rule';
import { compileSigmaDocument, type CompiledSigmaRule, type CompileOptions } from './compile-rule';
import { correlationDocumentSchema, type CorrelationDocument } from './correlation-document';
import { rejectUnsupported, sigmaRuleSchema } from './rule-document';
import { describePath, DocumentProblem, SigmaLoadError, type DocumentPath, type SigmaProblem } from './sigma-error';
import { readYamlDocuments, type SourceDocument } from './yaml-source';

/** A correlation rule read from a file, to be bound to its rules once every file is read. */
export interface PendingCorrelation {
  document: CorrelationDocument;
  /** A problem in this document, with its file and line. */
  problem(kind: SigmaProblem['kind'], path: DocumentPath, message: string): SigmaProblem;
}

export interface ParsedSigmaFile {
  rules: CompiledSigmaRule[];
  correlations: PendingCorrelation[];
  /** Each one stops the document it is in (and only that one) from loading. */
  problems: SigmaProblem[];
  /** Worth reading, but the rule loads. */
  warnings: SigmaProblem[];
}

/**
 * Parses every document in one Sigma file, each on its own: a broken document is reported with
 * its file, line and place, and the others still load. Never throws for a bad file.
 */
export function parseSigmaFile(text: string, file: string, options: CompileOptions = {}): ParsedSigmaFile {
  const parsed: ParsedSigmaFile = { rules: [], correlations: [], problems: [], warnings: [] };
  const source = readYamlDocuments(text);
  if ('errors' in source) {
    parsed.problems.push(
      ...source.errors.map(
        ({ line, message }): SigmaProblem => ({ kind: 'yaml', file, ...(line === undefined ? {} : { line }), message: `malformed YAML: ${message}` }),
      ),
    );
    return parsed;
  }
  if (source.documents.length === 0) {
    parsed.problems.push({ kind: 'document', file, message: 'no Sigma rule in the file (it is empty)' });
    return parsed;
  }
  for (const document of source.documents) compileDocument(document, file, options, parsed);
  return parsed;
}

function compileDocument(document: SourceDocument, file: string, options: CompileOptions, into: ParsedSigmaFile): void {
  const { value } = document;
  const title =
    typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['title'] === 'string'
      ? String((value as Record<string, unknown>)['title'])
      : undefined;
  const problem = (kind: SigmaProblem['kind'], path: DocumentPath, message: string): SigmaProblem => {
    const line = document.lineOf(path);
    return {
      kind,
      file,
      ...(line === undefined ? {} : { line }),
      ...(path.length > 0 ? { where: describePath(path) } : {}),
      ...(title ? { rule: title } : {}),
      message,
    };
  };
  /** One problem per schema issue, each at the place in the document it names. */
  const schemaProblems = (error: ZodError): SigmaProblem[] =>
    error.issues.map((issue) =>
      problem(
        'document',
        issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
        issue.message,
      ),
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    into.problems.push(problem('document', [], 'expected a Sigma rule: a map with title, logsource, detection and level'));
    return;
  }
  try {
    rejectUnsupported(value as Record<string, unknown>);
    if ('correlation' in value) {
      const parsed = correlationDocumentSchema.safeParse(value);
      if (!parsed.success) into.problems.push(...schemaProblems(parsed.error));
      else into.correlations.push({ document: parsed.data, problem });
      return;
    }
    const parsed = sigmaRuleSchema.safeParse(value);
    if (!parsed.success) {
      into.problems.push(...schemaProblems(parsed.error));
      return;
    }
    const compiled = compileSigmaDocument(parsed.data, options);
    into.rules.push(compiled);
    into.warnings.push(...compiled.warnings.map((warning) => problem(warning.kind, warning.path, warning.message)));
  } catch (error) {
    if (error instanceof DocumentProblem) into.problems.push(problem(error.kind, error.path, error.message));
    else throw error;
  }
}

/**
 * Parses one Sigma rule (a file with one document) into a Prowl rule with no tests. `origin` names
 * the rule's source in error messages, usually its file path. Throws SigmaLoadError.
 */
export function parseSigmaRule(text: string, origin: string): Rule {
  const parsed = parseSigmaFile(text, origin);
  if (parsed.problems.length > 0) throw new SigmaLoadError(parsed.problems);
  const [only, ...more] = parsed.rules;
  if (!only || more.length > 0 || parsed.correlations.length > 0) {
    const count = parsed.rules.length + parsed.correlations.length;
    throw new SigmaLoadError([
      {
        kind: 'document',
        file: origin,
        message: `holds ${count} rules${parsed.correlations.length > 0 ? ' (correlations need their rules)' : ''}; parseSigmaRule takes one detection rule (loadSigmaRules reads files with several)`,
      },
    ]);
  }
  return only.rule;
}
