import { z } from 'zod';
import type { LogType } from './log-type';
import { isoTimeSchema } from './time';

/**
 * CloudTrail digest files: one JSON document per hour per region listing the log files delivered
 * and their hashes, used to prove the logs were not altered. Kept in the lake for that proof;
 * there is nothing in them to detect on.
 */
const optionalString = z.string().nullish();

export const cloudTrailDigestEventSchema = z
  .object({
    awsAccountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    digestStartTime: isoTimeSchema(),
    digestEndTime: isoTimeSchema(),
    digestS3Bucket: z.string().min(1),
    digestS3Object: z.string().min(1),
    digestPublicKeyFingerprint: optionalString,
    digestSignatureAlgorithm: optionalString,
    newestEventTime: optionalString,
    oldestEventTime: optionalString,
    previousDigestS3Bucket: optionalString,
    previousDigestS3Object: optionalString,
    previousDigestHashValue: optionalString,
    previousDigestHashAlgorithm: optionalString,
    previousDigestSignature: optionalString,
    logFiles: z.array(
      z
        .object({
          s3Bucket: z.string(),
          s3Object: z.string(),
          hashValue: optionalString,
          hashAlgorithm: optionalString,
          newestEventTime: optionalString,
          oldestEventTime: optionalString,
        })
        .loose(),
    ),
  })
  .loose();

export type CloudTrailDigestEvent = z.infer<typeof cloudTrailDigestEventSchema>;

export const cloudTrailDigest: LogType<CloudTrailDigestEvent> = {
  name: 'AWS.CloudTrailDigest',
  schema: cloudTrailDigestEventSchema,
  framing: { kind: 'json' },
  detect: false,
  eventTime: (event) => event.digestEndTime,
  indicators(event, found) {
    found.account(event.awsAccountId);
    found.hash(event.previousDigestHashValue);
    for (const file of event.logFiles) found.hash(file.hashValue);
  },
};
