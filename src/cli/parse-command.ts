import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { LogType } from '../logs/log-type';
import { parseObject } from '../logs/parse';
import { decompressed } from '../logs/read-object';
import { builtInLogTypes, type LogTypeRegistry } from '../logs/registry';
import { logTypesForObject } from '../logs/sources';
import { writeLine } from './io';

export const PARSE_USAGE = 'prowl parse <file> [--log-type T]';

/** Enough to see what is wrong with a file without drowning the terminal. */
const QUARANTINED_SHOWN = 20;
/** Output is handed to stdout in blocks: one write per event would cost more than parsing it. */
const OUTPUT_BLOCK_CHARS = 64 * 1024;

interface IO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Writes and, when the stream is full, waits for it to drain, so a slow reader keeps memory flat. */
async function writeBlock(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function usageError(io: IO, message: string): number {
  io.stderr.write(`prowl parse: ${message}\nUsage: ${PARSE_USAGE}\n`);
  return 2;
}

/**
 * `prowl parse`: runs a log file (gzip or plain) through the same framing, classification and
 * normalization as ingestion, printing each normalized event as a JSON line on stdout and a
 * summary on stderr: events per log type, then the quarantined records with their reasons.
 * Exit code: 0 when every record parsed, 1 when some were quarantined or the file could not be
 * read, 2 for bad arguments.
 */
export async function parseCommand(argv: string[], io: IO, registry: LogTypeRegistry = builtInLogTypes): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'log-type': { type: 'string' } } });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) return usageError(io, `give exactly one file, not ${positionals.length}`);
  const file = positionals[0]!;
  const wanted = values['log-type'];
  if (wanted !== undefined && !registry.has(wanted)) return usageError(io, `unknown log type "${wanted}"; known: ${registry.names().join(', ')}`);
  const logTypes: LogType[] = wanted === undefined ? logTypesForObject([], resolve(file), registry) : [registry.byName(wanted)];

  const eventsByLogType = new Map<string, number>();
  const quarantined: Array<{ position: number; reason: string }> = [];
  let quarantinedCount = 0;
  let block: string[] = [];
  let blockChars = 0;

  try {
    const records = parseObject(decompressed(createReadStream(file)), {
      logTypes,
      origin: { sourceId: 'prowl-parse', sourceLabel: 'prowl parse', objectId: resolve(file) },
      parseTime: DateTime.utc().toISO()!,
    });
    for await (const record of records) {
      if (record.kind === 'quarantined') {
        quarantinedCount += 1;
        if (quarantined.length < QUARANTINED_SHOWN) quarantined.push({ position: record.position, reason: record.reason });
        continue;
      }
      eventsByLogType.set(record.logType.name, (eventsByLogType.get(record.logType.name) ?? 0) + 1);
      const line = `${JSON.stringify(record.event)}\n`;
      block.push(line);
      blockChars += line.length;
      if (blockChars >= OUTPUT_BLOCK_CHARS) {
        const text = block.join('');
        block = [];
        blockChars = 0;
        await writeBlock(io.stdout, text);
      }
    }
    if (block.length > 0) await writeBlock(io.stdout, block.join(''));
  } catch (error) {
    io.stderr.write(`prowl parse: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }

  const total = [...eventsByLogType.values()].reduce((sum, count) => sum + count, 0);
  const lines = [`${file}: ${total} event(s), ${quarantinedCount} quarantined`];
  for (const [name, count] of [...eventsByLogType].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${name}: ${count}`);
  for (const { position, reason } of quarantined) lines.push(`  quarantined record ${position}: ${reason}`);
  if (quarantinedCount > quarantined.length) lines.push(`  … and ${quarantinedCount - quarantined.length} more quarantined`);
  writeLine(io.stderr, lines.join('\n'));
  return quarantinedCount > 0 ? 1 : 0;
}
