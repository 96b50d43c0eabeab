import type { CollectContext } from '../collection';
import { mapLimit } from '../collection';

/** IAM returns policy documents URL-encoded; policies read them as JSON strings, as Panther stores them. */
export function decodePolicy(document: string | undefined): string | null {
  if (document === undefined) return null;
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

/** Inline policies by name → document, or null when there are none (as Panther writes it). */
export async function inlinePolicies(
  ctx: CollectContext,
  names: readonly string[],
  read: (name: string) => Promise<string | undefined>,
): Promise<Record<string, string | null> | null> {
  if (names.length === 0) return null;
  const documents = await mapLimit(names, ctx.concurrency, async (name) => [name, decodePolicy(await read(name))] as const);
  return Object.fromEntries(documents);
}
