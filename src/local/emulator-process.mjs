// The local AWS: dynalite (DynamoDB) and fauxqs (S3 + SQS) in one child process, on loopback only.
// Plain ESM because fauxqs is ESM-only and this runs outside any TypeScript loader.
// Prints one JSON line with the endpoints when ready; stops on SIGTERM/SIGINT.
//
// With PROWL_EMULATOR_DATA_DIR set, DynamoDB lives in LevelDB under <dir>/dynamodb and every S3
// object is mirrored to <dir>/s3/<bucket>/<key> (the key's own path, so the lake bucket is a lake
// directory DuckDB and `prowl search` can read) and restored at the next start, because fauxqs
// itself keeps everything in memory. SQS messages are not kept across restarts.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import dynalite from 'dynalite';
import { buildApp } from 'fauxqs';

const host = '127.0.0.1';
const dataDir = process.env.PROWL_EMULATOR_DATA_DIR || undefined;
const dynamoPort = Number(process.env.PROWL_EMULATOR_DYNAMODB_PORT ?? 0);
const awsPort = Number(process.env.PROWL_EMULATOR_AWS_PORT ?? 0);

const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dataDir ? { path: join(dataDir, 'dynamodb') } : {}) });
await new Promise((resolve, reject) => dynamo.listen(dynamoPort, host, (error) => (error ? reject(error) : resolve())));

const app = buildApp({ logger: false });
const s3Dir = dataDir ? join(dataDir, 's3') : undefined;

/** '/bucket/key…' → { bucket, key } for path-style S3 requests; undefined for SQS and listings. */
function objectPath(url) {
  const path = url.split('?')[0];
  const match = /^\/([^/]+)\/(.+)$/.exec(path);
  return match ? { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]), path } : undefined;
}

/** A key segment as a file name: kept as it is unless it could climb out of the bucket's folder. */
function safeSegment(segment) {
  return segment === '' || segment === '.' || segment === '..' || segment.startsWith('%') ? `%${encodeURIComponent(segment)}` : segment;
}

function unsafeSegment(name) {
  return name.startsWith('%') ? decodeURIComponent(name.slice(1)) : name;
}

async function mirror(url) {
  const target = objectPath(url);
  if (!target) return;
  const file = join(s3Dir, safeSegment(target.bucket), ...target.key.split('/').map(safeSegment));
  const response = await app.inject({ method: 'GET', url: target.path });
  if (response.statusCode === 200) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, response.rawPayload);
  } else if (response.statusCode === 404) {
    await rm(file, { force: true });
  }
}

async function restore() {
  const buckets = await readdir(s3Dir).catch(() => []);
  for (const bucketDir of buckets) {
    const bucket = unsafeSegment(bucketDir);
    await app.inject({ method: 'PUT', url: `/${encodeURIComponent(bucket)}` });
    const entries = await readdir(join(s3Dir, bucketDir), { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile())) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      const key = relative(join(s3Dir, bucketDir), path).split(sep).map(unsafeSegment).join('/');
      const url = `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
      await app.inject({ method: 'PUT', url, payload: await readFile(path), headers: { 'content-type': 'application/octet-stream' } });
    }
  }
}

let pending = Promise.resolve();
if (s3Dir) {
  app.addHook('onResponse', async (request, reply) => {
    const changesObject = request.method === 'PUT' || request.method === 'DELETE' || (request.method === 'POST' && request.url.includes('uploadId='));
    if (changesObject && reply.statusCode < 300 && !request.headers['x-prowl-restore']) {
      pending = pending.then(() => mirror(request.url)).catch((error) => process.stderr.write(`s3 mirror failed: ${error.message}\n`));
    }
  });
}

await app.listen({ port: awsPort, host });
if (s3Dir) await restore();

const endpoints = { dynamodb: `http://${host}:${dynamo.address().port}`, aws: `http://${host}:${app.server.address().port}` };
process.stdout.write(`${JSON.stringify(endpoints)}\n`);

async function stop() {
  await pending;
  await app.close();
  dynamo.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Exit with the parent: an orphaned emulator would hold the ports and the LevelDB lock.
process.stdin.on('end', stop);
process.stdin.resume();
