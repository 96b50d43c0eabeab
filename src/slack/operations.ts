import type { Access } from '../alerts/access';
import type { AuditLog } from '../alerts/audit';
import type { Confirmations } from '../alerts/confirmations';
import type { RouteAdmin } from '../alerts/route-admin';
import type { RuleAdmin } from '../alerts/rule-admin';
import type { StormActions } from '../alerts/storm-actions';
import type { SuppressionService } from '../alerts/suppressions-service';
import type { Triage } from '../alerts/triage';
import type { SearchRequests } from '../jobs/search-requests';
import type { DateTime } from 'luxon';
import type { AlertStats, StatsPeriod } from '../alerts/alert-stats';
import type { HomeOverview } from '../alerts/home';
import type { Actor } from '../alerts/roles';

/** Everything a person can do from Slack or the terminal prompt, each use case authorized and audited. */
export interface Operations {
  /** The role check every command passes before it runs. */
  access: Access;
  triage: Triage;
  /** Answers to "was this you?", from the person asked. */
  confirmations: Confirmations;
  suppressions: SuppressionService;
  /** The buttons of a storm's grouped message. */
  storms: StormActions;
  rules: RuleAdmin;
  routes: RouteAdmin;
  audit: AuditLog;
  searches: SearchRequests;
  /** Read-only views over the alerts: one person's Home tab, and the numbers of a period. */
  reports: {
    home(actor: Actor): Promise<HomeOverview>;
    stats(request: { team?: string; period: StatsPeriod }): Promise<AlertStats>;
  };
  now: () => DateTime;
  /** IANA time zone of a user, for reading the dates they type. */
  timeZoneOf(userId: string): Promise<string>;
}
