/** A compiled search identifier (or any part of one): true when the event matches it. */
export type EventPredicate = (event: Readonly<Record<string, unknown>>) => boolean;
