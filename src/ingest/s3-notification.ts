import type { DateTime } from 'luxon';
import { z } from 'zod';
import { ProwlError } from '../errors';
import { validateMessage } from '../queue-message';

const s3Record = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const notification = z.union([z.object({ Records: z.array(s3Record) }), z.object({ Event: z.literal('s3:TestEvent'), Bucket: z.string().optional() })]);

export interface ObjectRef {
  bucket: string;
  key: string;
  size?: number;
  /** ETag or version: what makes a rewritten object a different input. */
  version: string;
}

/** S3 sends keys URL-encoded; one that does not decode was not written by S3, and the error says which. */
function decodedKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch (error) {
    throw new ProwlError(
      'prowl_bad_input',
      `ingest message names the object key ${JSON.stringify(encoded)}, which is not URL-encoded as S3 sends keys (every % must start an escape such as %2F)`,
      { cause: error },
    );
  }
}

/**
 * Reads the S3 event notification in an ingest message. S3 URL-encodes keys (spaces as '+');
 * test events, folder markers and empty objects carry nothing to parse and come back empty.
 */
export function objectsInNotification(json: unknown): ObjectRef[] {
  const parsed = validateMessage(json, notification, 'ingest', 'an S3 event notification');
  if (!('Records' in parsed)) return [];
  return parsed.Records.filter((record) => record.eventName.startsWith('ObjectCreated'))
    .map((record) => ({
      bucket: record.s3.bucket.name,
      key: decodedKey(record.s3.object.key),
      ...(record.s3.object.size === undefined ? {} : { size: record.s3.object.size }),
      version: record.s3.object.versionId ?? record.s3.object.eTag ?? record.s3.object.sequencer ?? 'unversioned',
    }))
    .filter((ref) => !ref.key.endsWith('/') && ref.size !== 0);
}

/** The notification S3 would send for a new object; the local stack sends it itself. */
export function objectCreatedNotification(ref: { bucket: string; key: string; size: number; eTag: string; eventTime: DateTime }): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        eventTime: ref.eventTime.toUTC().toISO(),
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: ref.bucket, arn: `arn:aws:s3:::${ref.bucket}` },
          object: { key: encodeURIComponent(ref.key).replace(/%2F/g, '/').replace(/%20/g, '+'), size: ref.size, eTag: ref.eTag },
        },
      },
    ],
  });
}
