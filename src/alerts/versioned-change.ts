/**
 * How the domain's stores change one item: read it, compute the next state, write it only if
 * nobody wrote in between. The domain states the change; store/versioned-table.ts does the
 * conditional write.
 */

export interface MutateResult<T> {
  before: T | undefined;
  after: T | undefined;
  /** False when the change function returned the item unchanged. */
  written: boolean;
}

/** Returns the next state, or the current object itself (or undefined when absent) to write nothing. */
export type Change<T> = (current: T | undefined) => T | undefined;
