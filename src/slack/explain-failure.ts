import type { DateTime } from 'luxon';
import type { AuditLog } from '../alerts/audit';
import { asProwlError } from '../errors';
import { logger } from '../logger';
import { untrusted } from './escape';

/** The audit subject under which every refused action is listed (`/prowl audit denials`). */
export const DENIALS_SUBJECT = 'denials';

export interface FailureContext {
  /** What the person tried: the command's first word, a button's action id, a modal's callback id. */
  what: string;
  userId: string;
  audit: AuditLog;
  now: () => DateTime;
}

/**
 * The one mapper from a failed Slack action to what the person is told. Every denial is written to
 * the audit trail and the log (who, what, why); our own failures are logged and not detailed; the
 * rest is explained, escaped, since it quotes what was typed and what was found.
 */
export async function explainFailure(error: unknown, context: FailureContext): Promise<string> {
  const failure = asProwlError(error);
  if (failure.code === 'prowl_forbidden') {
    logger.warn('denied', { actor: context.userId, what: context.what, reason: failure.message });
    try {
      await context.audit.record({
        subject: DENIALS_SUBJECT,
        action: 'denied',
        actor: context.userId,
        at: context.now().toUTC().toISO()!,
        after: { what: context.what, reason: failure.message },
      });
    } catch (auditError) {
      // The person still hears why; the log line above keeps the trace.
      logger.error('could not audit a denial', { actor: context.userId, what: context.what, error: (auditError as Error).message });
    }
  }
  if (failure.code === 'prowl_internal' || failure.code === 'prowl_conflict') {
    logger.error('slack action failed', { what: context.what, code: failure.code, error: failure.message });
    if (failure.code === 'prowl_internal') return 'Something went wrong on our side; it has been logged. Please try again.';
  }
  return untrusted(failure.message, 'lines');
}
