import type { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import type { LineParser, LogType } from './log-type';
import { keepProtoKeys } from './proto-keys';
import { schemaCheckFor } from './schema-check';

export type Verdict = { logType: LogType; event: Record<string, unknown> } | { reason: string };

const MAX_REASON_CHARS = 500;

function issues(error: z.ZodError): string {
  const text = describeIssues(error).replace(/\n/g, '; ');
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text;
}

/** The compiled check first (no copy); zod only for records it does not vouch for, and for the reasons. */
function validate(logType: LogType, value: unknown): { event: Record<string, unknown> } | { reason: string } {
  if (schemaCheckFor(logType.schema)?.(value)) return { event: value as Record<string, unknown> };
  const result = (logType.schema as z.ZodType<Record<string, unknown>>).safeParse(value);
  if (!result.success) return { reason: issues(result.error) };
  keepProtoKeys(value, result.data);
  return { event: result.data };
}

/**
 * Tries a source's log types on each record and keeps the first that accepts it. The type that
 * accepted the last record is tried first, since an object almost always holds one type: with
 * several candidate types, a record costs one schema check, not one per type. Catch-all types
 * (`fallback`) stay behind all others, so a record one of them accepted is still offered first
 * to the specific types.
 */
abstract class Classifier {
  private order: number[];

  constructor(protected readonly logTypes: readonly LogType[]) {
    const indexes = logTypes.map((_, index) => index);
    this.order = [...indexes.filter((index) => !logTypes[index]!.fallback), ...indexes.filter((index) => logTypes[index]!.fallback)];
  }

  protected tryInOrder<Skip extends string = never>(
    attempt: (logType: LogType, index: number) => { event: Record<string, unknown> } | { reason: string } | Skip,
  ): Verdict | Skip {
    const rejections: string[] = [];
    for (let k = 0; k < this.order.length; k++) {
      const index = this.order[k]!;
      const logType = this.logTypes[index]!;
      const result = attempt(logType, index);
      if (typeof result === 'string') return result;
      if ('event' in result) {
        if (k > 0 && !logType.fallback) this.order = [index, ...this.order.filter((other) => other !== index)];
        return { logType, event: result.event };
      }
      rejections.push(this.logTypes.length === 1 ? result.reason : `${logType.name}: ${result.reason}`);
    }
    if (this.logTypes.length === 0) return { reason: 'the source has no log type of this framing (JSON vs. text lines) to try' };
    return {
      reason: this.logTypes.length === 1 ? `not ${this.logTypes[0]!.name}: ${rejections[0]}` : `no log type accepted the record (${rejections.join(' | ')})`,
    };
  }
}

/** JSON records: each type unwraps its envelope (if any) and validates. */
export class JsonClassifier extends Classifier {
  classify(value: unknown): Verdict {
    return this.tryInOrder<never>((logType) => {
      const unwrap = logType.framing.kind === 'json' ? logType.framing.unwrap : undefined;
      return validate(logType, unwrap ? unwrap(value) : value);
    });
  }
}

/** Text lines: each type's parser (one per object, as parsers may keep header state) reads the line, then its schema validates. */
export class LineClassifier extends Classifier {
  private readonly parsers: LineParser[];

  constructor(logTypes: readonly LogType[]) {
    super(logTypes);
    this.parsers = logTypes.map((logType) => (logType.framing.kind === 'lines' ? logType.framing.createParser() : () => ({ error: 'not a line format' })));
  }

  /** 'skip' for a line that holds no record, such as a VPC flow header. */
  classify(line: string): Verdict | 'skip' {
    return this.tryInOrder<'skip'>((logType, index) => {
      const parsed = this.parsers[index]!(line);
      if ('skip' in parsed) return 'skip';
      if ('error' in parsed) return { reason: parsed.error };
      return validate(logType, parsed.record);
    });
  }
}
