import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface StoredObject {
  key: string;
  size: number;
  /** ISO time the object was last written (the emulator rewrites it at each start: the laptop's compaction goes by names). */
  lastModified: string;
}

/** A local directory holding objects at their own keys, for DuckDB to read; release() when done. */
export interface LocalCopy {
  dir: string;
  release(): Promise<void>;
}

/**
 * The lake as compaction sees it: the lake bucket (the S3 emulator under `npm start`), or the lake
 * directory on disk (`prowl compact`, which reads the emulator's on-disk mirror as `prowl search` does).
 */
export interface LakeStorage {
  /** Every object under a prefix; with `startAfter`, only those whose key sorts after it (as S3's StartAfter). */
  list(prefix: string, options?: { startAfter?: string }): Promise<StoredObject[]>;
  /** The object's text, or undefined when there is none. */
  readText(key: string): Promise<string | undefined>;
  /** Objects as local files under a directory in the lake's layout. */
  localCopy(keys: readonly string[]): Promise<LocalCopy>;
  /** Stores a local file under a key, replacing what was there. */
  putFile(key: string, path: string): Promise<void>;
  putText(key: string, text: string): Promise<void>;
}

/** The lake bucket through the S3 API. */
export function s3LakeStorage(s3: S3Client, bucket: string): LakeStorage {
  return {
    async list(prefix, options = {}) {
      const objects: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : options.startAfter ? { StartAfter: options.startAfter } : {}),
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key) objects.push({ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified?.toISOString() ?? '' });
        }
        token = page.NextContinuationToken;
      } while (token);
      return objects;
    },
    async readText(key) {
      try {
        const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await result.Body!.transformToString('utf8');
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async localCopy(keys) {
      const dir = await mkdtemp(join(tmpdir(), 'prowl-compact-'));
      try {
        for (const key of keys) {
          const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          const target = join(dir, ...key.split('/'));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, await body.Body!.transformToByteArray());
        }
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      return { dir, release: () => rm(dir, { recursive: true, force: true }) };
    },
    async putFile(key, path) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(path) }));
    },
    async putText(key, text) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: 'application/json' }));
    },
  };
}

/** A lake directory on disk (keys are paths below it). Files are replaced by rename, so a reader never sees half of one. */
export function directoryLakeStorage(lakeDir: string): LakeStorage {
  const pathOf = (key: string): string => join(lakeDir, ...key.split('/'));
  const replace = async (key: string, write: (temporary: string) => Promise<void>): Promise<void> => {
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // A dot name: DuckDB's globs and the lake's own listings skip it while it is being written.
    const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    await write(temporary);
    await rename(temporary, target);
  };
  return {
    async list(prefix, options = {}) {
      const base = pathOf(prefix.replace(/\/$/, ''));
      const names = await readdir(base, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [] as string[];
        throw error;
      });
      const objects: StoredObject[] = [];
      for (const name of names) {
        const path = join(base, String(name));
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile()) continue;
        const key = relative(lakeDir, path).split(sep).join('/');
        if (key.split('/').some((segment) => segment.startsWith('.'))) continue;
        if (options.startAfter !== undefined && key <= options.startAfter) continue;
        objects.push({ key, size: info.size, lastModified: info.mtime.toISOString() });
      }
      return objects;
    },
    async readText(key) {
      return readFile(pathOf(key), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    },
    localCopy: () => Promise.resolve({ dir: lakeDir, release: () => Promise.resolve() }),
    putFile: (key, path) => replace(key, async (temporary) => writeFile(temporary, await readFile(path))),
    putText: (key, text) => replace(key, (temporary) => writeFile(temporary, text)),
  };
}
