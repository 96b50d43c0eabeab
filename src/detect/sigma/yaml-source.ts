import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { DocumentPath } from './sigma-error';

/** One YAML document of a file, with what is needed to point at a line in it. */
export interface SourceDocument {
  /** The document as plain data. */
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: DocumentPath): number | undefined;
}

export type SourceResult = { documents: SourceDocument[] } | { errors: Array<{ line: number | undefined; message: string }> };

/**
 * Reads every document of a YAML file. Syntax errors come back with their line; an empty
 * document (a trailing `---`) is not a document anyone wrote, so it is left out.
 */
export function readYamlDocuments(text: string): SourceResult {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: Array<{ line: number | undefined; message: string }> = [];
  const documents: SourceDocument[] = [];
  for (const doc of parsed) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) errors.push({ line: lineAt(lineCounter, error.pos[0]), message: `${error.code}: ${firstLine(error.message)}` });
      continue;
    }
    if (doc.contents === null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      errors.push({ line: lineAt(lineCounter, doc.contents.range?.[0]), message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    documents.push({ value, lineOf: (path) => lineOf(doc, lineCounter, path) });
  }
  return errors.length > 0 ? { errors } : { documents };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function lineAt(lineCounter: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function lineOf(doc: Document, lineCounter: LineCounter, path: DocumentPath): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineAt(lineCounter, node.range[0]);
  }
  return undefined;
}
