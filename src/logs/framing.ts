/**
 * Framing turns an object's bytes into candidate records, each with its position, before any log
 * type judges them. A record that cannot even be framed (broken JSON) is yielded as a failure so
 * the caller can quarantine it and go on.
 */
export type Candidate = { position: number; value: unknown } | { position: number; error: string; raw: string };

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

function isRecordsDocument(value: unknown): value is { Records: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { Records?: unknown }).Records);
}

/**
 * JSON framing: a CloudTrail-style document `{"Records":[…]}`, a single JSON object, or JSON lines.
 * Each element of Records is one candidate (position = index + 1); for JSON lines, one per line.
 */
export async function* jsonCandidates(chunks: AsyncIterable<Buffer>): AsyncGenerator<Candidate> {
  const text = await readAll(chunks);
  const trimmed = text.trim();
  if (trimmed === '') return;
  try {
    const document: unknown = JSON.parse(trimmed);
    if (isRecordsDocument(document)) {
      for (let i = 0; i < document.Records.length; i++) yield { position: i + 1, value: document.Records[i] };
    } else {
      yield { position: 1, value: document };
    }
    return;
  } catch {
    // Not one JSON document: treat it as JSON lines, so one bad line costs one record, not the file.
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      yield { position: i + 1, value: JSON.parse(line) as unknown };
    } catch (error) {
      yield { position: i + 1, error: `not JSON: ${(error as Error).message}`, raw: line };
    }
  }
}
