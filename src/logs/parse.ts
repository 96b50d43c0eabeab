import { JsonClassifier, LineClassifier, type Verdict } from './classify';
import { sniffFraming } from './framing';
import { clip, jsonCandidateBatches } from './json-framing';
import { textLines } from './line-framing';
import type { LogType, NormalizedEvent } from './log-type';
import { normalizeInPlace, rowIdAt, rowIdPrefix, type RecordOrigin } from './normalize';

export type ParsedRecord =
  | { kind: 'event'; position: number; logType: LogType; event: NormalizedEvent }
  | { kind: 'quarantined'; position: number; reason: string; raw: string };

export interface ParseOptions {
  logTypes: LogType[];
  origin: Omit<RecordOrigin, 'position'>;
  parseTime: string;
}

function outcome(verdict: Verdict, position: number, raw: string, options: ParseOptions, idPrefix: string): ParsedRecord {
  if ('reason' in verdict) return { kind: 'quarantined', position, reason: verdict.reason, raw: clip(raw) };
  // The verdict's event is the parser's own fresh record, so it is completed in place.
  return {
    kind: 'event',
    position,
    logType: verdict.logType,
    event: normalizeInPlace(verdict.logType, verdict.event, options.origin, rowIdAt(idPrefix, position), options.parseTime),
  };
}

/**
 * Parses an object's (already decompressed) bytes into normalized events and quarantined
 * records, in order, as a stream: memory holds one record at a time, whatever the object's size.
 * The framing (JSON or text lines) is chosen from the first byte, then only the source's log
 * types of that framing are tried, each record by each type until one accepts it.
 */
export async function* parseObject(chunks: AsyncIterable<Buffer>, options: ParseOptions): AsyncGenerator<ParsedRecord> {
  const jsonTypes = options.logTypes.filter((logType) => logType.framing.kind === 'json');
  const lineTypes = options.logTypes.filter((logType) => logType.framing.kind === 'lines');
  const idPrefix = rowIdPrefix(options.origin);
  const sniffed = await sniffFraming(chunks);
  if (sniffed.kind === 'empty') return;

  // A source of one framing only still gets the other's bytes read, so its lines are quarantined with a reason.
  const framing =
    sniffed.kind === 'json'
      ? jsonTypes.length > 0 || lineTypes.length === 0
        ? 'json'
        : 'lines'
      : lineTypes.length > 0 || jsonTypes.length === 0
        ? 'lines'
        : 'json';

  if (framing === 'json') {
    const classifier = new JsonClassifier(jsonTypes);
    for await (const batch of jsonCandidateBatches(sniffed.chunks)) {
      for (const candidate of batch) {
        if ('error' in candidate) {
          yield { kind: 'quarantined', position: candidate.position, reason: candidate.error, raw: candidate.raw };
          continue;
        }
        yield outcome(classifier.classify(candidate.value), candidate.position, candidate.raw, options, idPrefix);
      }
    }
    return;
  }

  const classifier = new LineClassifier(lineTypes);
  for await (const line of textLines(sniffed.chunks)) {
    if ('error' in line) {
      yield { kind: 'quarantined', position: line.position, reason: line.error, raw: line.raw };
      continue;
    }
    const verdict = classifier.classify(line.text);
    if (verdict === 'skip') continue;
    yield outcome(verdict, line.position, line.text, options, idPrefix);
  }
}
