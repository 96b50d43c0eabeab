import { DateTime } from 'luxon';
import { createRescanRequests, type RescanDebounce, type RescanQueue } from '../../src/scan/rescan-requests';
import type { RescanTarget } from '../../src/scan/rescan-target';

const bucket: RescanTarget = { accountId: '123456789012', region: 'global', resourceType: 'AWS.S3.Bucket', name: 'acme-data' };
const group: RescanTarget = { accountId: '123456789012', region: 'us-east-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-1' };

/** The debounce's contract, kept in memory: the first claim of a key in a window wins. */
function memoryDebounce(): RescanDebounce & { claims: string[] } {
  const claimed = new Set<string>();
  const claims: string[] = [];
  return {
    claims,
    async claim(key, windowStart) {
      const id = `${key}@${windowStart.toISO()}`;
      claims.push(id);
      if (claimed.has(id)) return false;
      claimed.add(id);
      return true;
    },
  };
}

function recordingQueue(): RescanQueue & { sent: Array<{ target: RescanTarget; delaySeconds: number }> } {
  const sent: Array<{ target: RescanTarget; delaySeconds: number }> = [];
  return { sent, send: async (target, delaySeconds) => void sent.push({ target, delaySeconds }) };
}

describe('createRescanRequests', () => {
  let clock = DateTime.fromISO('2026-11-22T10:00:10.000Z', { zone: 'utc' });
  const now = (): DateTime => clock;

  it('queues one re-scan per resource per window, delayed until the window has ended', async () => {
    const debounce = memoryDebounce();
    const queue = recordingQueue();
    const requests = createRescanRequests({ debounce, queue, debounceSeconds: 60, now });

    clock = DateTime.fromISO('2026-11-22T10:00:10.000Z', { zone: 'utc' });
    expect(await requests.request([bucket, group])).toEqual([bucket, group]);
    clock = DateTime.fromISO('2026-11-22T10:00:40.000Z', { zone: 'utc' });
    expect(await requests.request([bucket])).toEqual([]);

    // 50 s to the end of the minute, plus 5 s for the last change to settle.
    expect(queue.sent).toEqual([
      { target: bucket, delaySeconds: 55 },
      { target: group, delaySeconds: 55 },
    ]);
  });

  it('queues the next re-scan for a change in the next window, so the last change is always read', async () => {
    const queue = recordingQueue();
    const requests = createRescanRequests({ debounce: memoryDebounce(), queue, debounceSeconds: 60, now });

    clock = DateTime.fromISO('2026-11-22T10:00:59.000Z', { zone: 'utc' });
    await requests.request([bucket]);
    clock = DateTime.fromISO('2026-11-22T10:01:01.000Z', { zone: 'utc' });
    await requests.request([bucket]);

    expect(queue.sent.map((message) => message.delaySeconds)).toEqual([6, 64]);
  });

  it("keeps a short window's delay short", async () => {
    const queue = recordingQueue();
    clock = DateTime.fromISO('2026-11-22T10:00:10.400Z', { zone: 'utc' });
    await createRescanRequests({ debounce: memoryDebounce(), queue, debounceSeconds: 1, now }).request([bucket]);
    expect(queue.sent[0]!.delaySeconds).toBe(2);
  });
});
