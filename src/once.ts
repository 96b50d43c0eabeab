/** Runs a factory on first use and keeps the result: how handlers build their dependencies once per cold start. */
export function once<T>(factory: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: factory() }).value;
}
