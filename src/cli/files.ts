import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ProwlError } from '../errors';

/** Every file under a path (the path itself when it is a file), sorted, dot-files skipped. */
export async function listFiles(path: string): Promise<Array<{ path: string; relative: string; size: number }>> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ProwlError('prowl_bad_input', `${path} does not exist; give a log file or a directory of log files`);
  }
  if (info.isFile()) return [{ path, relative: path.split('/').pop()!, size: info.size }];
  const found: Array<{ path: string; relative: string; size: number }> = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) found.push({ path: full, relative: relative(path, full), size: (await stat(full)).size });
    }
  }
  await walk(path);
  return found;
}
