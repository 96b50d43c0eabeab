import type { DateTime } from 'luxon';

/** Remembers the signatures of verified requests while they could still be replayed. */
export interface RequestLedger {
  /** True the first time a signature is seen; false for a replay within the window. */
  firstSeen(signature: string, expiresAt: DateTime): Promise<boolean>;
}
