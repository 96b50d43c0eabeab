import type { S3Client } from '@aws-sdk/client-s3';
import type { NormalizedEvent } from '../logs/log-type';
import { GzipUpload } from './gzip-upload';
import { lakeKey } from './lake-layout';

export interface LakeFile {
  key: string;
  logType: string;
  events: number;
  bytes: number;
}

export interface LakeWriterOptions {
  s3: S3Client;
  bucket: string;
  /** The source object, which names the files (see lakeKey). */
  objectId: string;
  /** Partitions open at once; past it the least recently written one is finished. */
  maxOpenFiles?: number;
  partBytes?: number;
}

interface OpenFile {
  upload: GzipUpload;
  logType: string;
  events: number;
}

/** An object's events usually fall in one or two hours; a backfill spanning days must not hold a file per hour. */
const DEFAULT_MAX_OPEN_FILES = 16;

/**
 * Writes one source object's events to the lake as they are parsed: gzip NDJSON, one file per
 * log type and hour, each streamed to S3 (see GzipUpload), so memory does not grow with the
 * object. Call close() once the object is read, or abort() when it failed.
 */
export class LakeWriter {
  private readonly open = new Map<string, OpenFile>();
  /** How many times each partition was opened: an early-closed one reopens under a new part number. */
  private readonly opened = new Map<string, number>();
  private readonly done: LakeFile[] = [];
  private readonly maxOpenFiles: number;

  constructor(private readonly options: LakeWriterOptions) {
    this.maxOpenFiles = options.maxOpenFiles ?? DEFAULT_MAX_OPEN_FILES;
  }

  async write(event: NormalizedEvent): Promise<void> {
    const partition = `${event.p_log_type}\n${event.p_event_time.slice(0, 13)}`;
    let file = this.open.get(partition);
    if (file) {
      // Re-inserted so the map's order is least recently written first.
      this.open.delete(partition);
      this.open.set(partition, file);
    } else {
      if (this.open.size >= this.maxOpenFiles) await this.finish(this.open.keys().next().value!);
      const part = this.opened.get(partition) ?? 0;
      this.opened.set(partition, part + 1);
      const key = lakeKey(event.p_log_type, event.p_event_time, this.options.objectId, part);
      file = { upload: new GzipUpload(this.options.s3, this.options.bucket, key, this.options.partBytes), logType: event.p_log_type, events: 0 };
      this.open.set(partition, file);
    }
    file.events += 1;
    await file.upload.write(`${JSON.stringify(event)}\n`);
  }

  /** Finishes every file; returns all the files written for the object, in the order they were finished. */
  async close(): Promise<LakeFile[]> {
    for (const partition of [...this.open.keys()]) await this.finish(partition);
    return [...this.done];
  }

  /** After a failure: drops unfinished uploads (files already finished stay, and the retry overwrites them). */
  async abort(): Promise<void> {
    const files = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(files.map((file) => file.upload.abort()));
  }

  private async finish(partition: string): Promise<void> {
    const file = this.open.get(partition)!;
    this.open.delete(partition);
    const bytes = await file.upload.close();
    this.done.push({ key: file.upload.key, logType: file.logType, events: file.events, bytes });
  }
}
