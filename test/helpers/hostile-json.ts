/**
 * JSON text with keys JavaScript object literals cannot carry as data (`__proto__`), built by
 * replacing placeholder keys after stringifying, so the bytes are what an attacker would write.
 */
export function withHostileKeys(value: unknown, keys: Record<string, string>): string {
  let text = JSON.stringify(value);
  for (const [placeholder, key] of Object.entries(keys)) text = text.split(JSON.stringify(placeholder)).join(JSON.stringify(key));
  return text;
}

/** A value nested `depth` levels deep in arrays: `[[[…"bottom"…]]]`. */
export function deeplyNested(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}
