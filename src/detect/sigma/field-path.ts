/**
 * Dotted field paths (`userIdentity.sessionContext.sessionIssuer.arn`) compiled to a getter once.
 * Arrays on the way are walked, so `resources.ARN` yields every resource's ARN; the caller then
 * treats an array as "any of these values". Only own properties count, so `constructor` or
 * `__proto__` in a rule never reads something that is not in the event.
 */
export type FieldGetter = (event: unknown) => unknown;

export function compileFieldPath(segments: readonly string[]): FieldGetter {
  // Plain indexing is the fast path; only names an object inherits (constructor, toString, ...) need the own-property check.
  const inheritable = segments.some((segment) => segment in Object.prototype);
  if (segments.length === 1 && !inheritable) {
    const [key] = segments as [string];
    return (event) => (isRecord(event) ? event[key] : undefined);
  }
  return (event) => resolve(event, segments, 0, inheritable);
}

function resolve(start: unknown, segments: readonly string[], from: number, inheritable: boolean): unknown {
  let current = start;
  for (let i = from; i < segments.length; i += 1) {
    if (Array.isArray(current)) return collect(current, segments, i, inheritable);
    if (!isRecord(current)) return undefined;
    const key = segments[i]!;
    current = !inheritable || Object.hasOwn(current, key) ? current[key] : undefined;
  }
  return current;
}

function collect(items: readonly unknown[], segments: readonly string[], from: number, inheritable: boolean): unknown[] {
  const found: unknown[] = [];
  for (const item of items) {
    const value = resolve(item, segments, from, inheritable);
    if (Array.isArray(value)) found.push(...value);
    else if (value !== undefined && value !== null) found.push(value);
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every string in the event, for keyword searches. Prowl's own `p_` fields are left out: they
 * repeat values that are already in the event and keywords are about the log as written.
 */
export function stringLeaves(event: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) for (const key in value) walk(value[key]);
  };
  if (isRecord(event)) {
    for (const key in event) if (!key.startsWith('p_')) walk(event[key]);
  } else {
    walk(event);
  }
  return found;
}
