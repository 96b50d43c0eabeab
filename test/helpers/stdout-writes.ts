/** What `work` writes to stdout, one entry per write: where Lambda reads embedded-metric-format lines from. */
export async function stdoutWrites(work: () => unknown): Promise<string[]> {
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  return written;
}

/** The writes that are EMF documents; log lines written meanwhile (a failed record's error) are left out. */
export function emfDocuments(writes: readonly string[]): Record<string, unknown>[] {
  return writes.filter((write) => write.startsWith('{"_aws":')).map((line) => JSON.parse(line) as Record<string, unknown>);
}
