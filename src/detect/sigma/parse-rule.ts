import type { Rule } from '../rule';
import { compileSigmaDocument, type CompiledSigmaRule } from './compile-rule';
import { rejectUnsupported, sigmaRuleSchema } from './rule-document';
import { describePath, DocumentProblem, SigmaLoadError, type SigmaProblem } from './sigma-error';
import { readYamlDocuments, type SourceDocument } from './yaml-source';

export type ParsedSigmaFile = { rules: CompiledSigmaRule[]; problems: [] } | { rules: []; problems: SigmaProblem[] };

/**
 * Parses every rule document in one Sigma file. Never throws for a bad file: it returns the
 * problems, each with the file, line and place, so a loader can report all broken files at once.
 */
export function parseSigmaFile(text: string, file: string): ParsedSigmaFile {
  const source = readYamlDocuments(text);
  if ('errors' in source) {
    return { rules: [], problems: source.errors.map(({ line, message }) => ({ kind: 'yaml', file, ...(line === undefined ? {} : { line }), message: `malformed YAML: ${message}` })) };
  }
  if (source.documents.length === 0) {
    return { rules: [], problems: [{ kind: 'document', file, message: 'no Sigma rule in the file (it is empty)' }] };
  }
  const rules: CompiledSigmaRule[] = [];
  const problems: SigmaProblem[] = [];
  for (const document of source.documents) {
    const result = compileDocument(document, file);
    if ('problems' in result) problems.push(...result.problems);
    else rules.push(result.rule);
  }
  return problems.length > 0 ? { rules: [], problems } : { rules, problems: [] };
}

function compileDocument(document: SourceDocument, file: string): { rule: CompiledSigmaRule } | { problems: SigmaProblem[] } {
  const problem = (kind: SigmaProblem['kind'], path: ReadonlyArray<string | number>, message: string): SigmaProblem => {
    const line = document.lineOf(path);
    return { kind, file, ...(line === undefined ? {} : { line }), ...(path.length > 0 ? { where: describePath(path) } : {}), message };
  };
  const { value } = document;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [problem('document', [], 'expected a Sigma rule: a map with title, logsource, detection and level')] };
  }
  try {
    rejectUnsupported(value as Record<string, unknown>);
    const parsed = sigmaRuleSchema.safeParse(value);
    if (!parsed.success) {
      return { problems: parsed.error.issues.map((issue) => problem('document', issue.path.map((part) => (typeof part === 'number' ? part : String(part))), issue.message)) };
    }
    return { rule: compileSigmaDocument(parsed.data) };
  } catch (error) {
    if (error instanceof DocumentProblem) return { problems: [problem(error.kind, error.path, error.message)] };
    throw error;
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
  if (!only || more.length > 0) {
    throw new SigmaLoadError([{ kind: 'document', file: origin, message: `holds ${parsed.rules.length} rules; parseSigmaRule takes one (loadSigmaRules reads files with several)` }]);
  }
  return only.rule;
}
