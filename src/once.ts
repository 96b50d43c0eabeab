/**
 * Runs a factory on first use and keeps the result: how handlers build their dependencies once
 * per cold start. A factory whose promise rejects (SSM briefly unreachable) is tried again on the
 * next call instead of failing every later invocation of the warm function.
 */
export function once<T>(factory: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    if (made) return made.value;
    const value = factory();
    made = { value };
    if (value instanceof Promise) value.catch(() => (made = undefined));
    return value;
  };
}
