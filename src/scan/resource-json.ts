import { validateResource, type Resource } from './resource-types';

/** What a resource file may hold; quoted in every error about one. */
export const ACCEPTED_RESOURCE_INPUT = 'one resource JSON object, a JSON array of resources, or JSON lines (one resource object per line)';

export interface ResourceParse {
  resources: Resource[];
  /** Each problem names where it is (`file`, `file[3]` or `file:12`) and what was wrong. */
  problems: string[];
}

function validateAt(value: unknown, where: string, parse: ResourceParse): void {
  const validated = validateResource(value);
  if (validated.ok) parse.resources.push(validated.resource);
  else parse.problems.push(`${where}: ${validated.reason.replace(/\n/g, '\n    ')}`);
}

function jsonError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads resources from the text of one file, in any of the accepted shapes. Every invalid value is
 * reported with its position; valid ones are returned alongside, so one run shows every problem.
 */
export function parseResourceText(text: string, origin: string): ResourceParse {
  const parse: ResourceParse = { resources: [], problems: [] };
  if (text.trim() === '') {
    parse.problems.push(`${origin}: the file is empty; expected ${ACCEPTED_RESOURCE_INPUT}`);
    return parse;
  }

  let document: unknown;
  let documentError: string | undefined;
  try {
    document = JSON.parse(text);
  } catch (error) {
    documentError = jsonError(error);
  }
  if (documentError === undefined) {
    if (Array.isArray(document)) document.forEach((value, index) => validateAt(value, `${origin}[${index}]`, parse));
    else if (typeof document === 'object' && document !== null) validateAt(document, origin, parse);
    else parse.problems.push(`${origin}: holds a JSON ${document === null ? 'null' : typeof document}; expected ${ACCEPTED_RESOURCE_INPUT}`);
    return parse;
  }

  // Not one JSON document: read it as JSON lines, unless its first line is not JSON either.
  const lines = text.split(/\r?\n/);
  let read = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (read === 0) {
        parse.problems.push(
          `${origin}: is not JSON (${documentError}) nor JSON lines (line ${index + 1}: ${jsonError(error)}); expected ${ACCEPTED_RESOURCE_INPUT}`,
        );
        return parse;
      }
      parse.problems.push(`${origin}:${index + 1}: not valid JSON (${jsonError(error)}); in JSON lines each line must be one resource object`);
      continue;
    }
    read += 1;
    validateAt(value, `${origin}:${index + 1}`, parse);
  }
  return parse;
}
