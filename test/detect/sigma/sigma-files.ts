import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { cloudTrailEvent } from '../../../src/detect/test-events';

/** A throwaway rules directory: `write('a/b.yml', text)`; removed by `remove()`. */
export function rulesDirectory(): { root: string; write(path: string, text: string): string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'prowl-sigma-'));
  return {
    root,
    write(path, text) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function testsFile(tests: Array<{ name: string; expect: boolean; rule?: string; event: unknown }>): string {
  return stringify({ tests });
}

export const stopLogging = cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', readOnly: false });
export const describeTrails = cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'DescribeTrails' });
