import { z } from 'zod';

/**
 * What the compaction marker (compactedMarkerKey) records: written after the hour's Parquet file,
 * so its presence means the file is complete. `sources` names the hour's JSON files the Parquet
 * was made from: a JSON file that is not among them arrived later, and until the hour is compacted
 * again readers keep reading that hour from JSON.
 */
export const compactionMarkerSchema = z.object({
  table: z.string().min(1),
  /** The hour's start, ISO-8601 UTC. */
  hour: z.string().min(1),
  parquetKey: z.string().min(1),
  rows: z.number().int().min(0),
  sources: z.array(z.string().min(1)),
  /**
   * The columnar fields the Parquet holds as columns of their own (SearchableLogType.columnar).
   * Absent from files written before there were any: those hours are read from JSON, and compacted
   * again, until the file has every column searches read.
   */
  columnar: z.array(z.string().min(1)).default([]),
});

export type CompactionMarker = z.infer<typeof compactionMarkerSchema>;

/** The marker's JSON text, or undefined when it is not one (a half-written or foreign file). */
export function parseCompactionMarker(text: string): CompactionMarker | undefined {
  try {
    const parsed = compactionMarkerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the Parquet the marker describes has a column for each of the table's columnar fields. */
export function markerHasColumnar(marker: CompactionMarker, columnar: readonly string[]): boolean {
  const written = new Set(marker.columnar);
  return columnar.every((path) => written.has(path));
}

/** Whether the marker covers every JSON file the hour holds now (names as in `sources`). */
export function markerCoversFiles(marker: CompactionMarker, jsonFileNames: readonly string[]): boolean {
  const compacted = new Set(marker.sources);
  return jsonFileNames.every((name) => compacted.has(name));
}
