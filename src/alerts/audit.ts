/** Who changed what, when, from what to what. Written for every state change. */
export interface AuditEntry {
  /** The alert, rule, suppression or route the change is about. */
  subject: string;
  action: string;
  actor: string;
  at: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(subject: string, limit: number): Promise<AuditEntry[]>;
}
