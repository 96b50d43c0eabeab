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

/** The writes that are EMF documents (Powertools' own warnings, if any, are log lines without `_aws`). */
export function emfDocuments(writes: readonly string[]): Record<string, unknown>[] {
  return writes.map((line) => JSON.parse(line) as Record<string, unknown>).filter((doc) => '_aws' in doc);
}
