import type { DateTime } from 'luxon';
import type { ConfigFile } from '../config';
import type { Rule } from '../detect/rule';
import { applyRuleStates, type RuleState } from '../detect/rule-state';
import { ProwlError } from '../errors';
import type { AuditLog } from './audit';
import { requireRole, type Actor } from './roles';
import type { SettingsStore } from './settings-store';

export interface RuleAdminDeps {
  rules: readonly Rule[];
  settings: SettingsStore;
  audit: AuditLog;
  config: Pick<ConfigFile, 'roles' | 'teams'>;
  now: () => DateTime;
}

/** Switching rules on and off from Slack (admins), effective at every worker's next batch. */
export function createRuleAdmin(deps: RuleAdminDeps) {
  function find(ruleId: string): Rule {
    const rule = deps.rules.find((r) => r.id === ruleId);
    if (!rule) throw new ProwlError('prowl_not_found', `no rule ${ruleId}; \`/prowl rules list\` shows them`);
    return rule;
  }

  async function setEnabled(ruleId: string, enabled: boolean, actor: Actor, reason?: string): Promise<RuleState> {
    find(ruleId);
    requireRole(actor, 'admin', deps.config, enabled ? 'enable rules' : 'disable rules');
    const at = deps.now().toUTC().toISO()!;
    const { before, after } = await deps.settings.mutateRuleState(ruleId, (current) => ({
      ruleId,
      overrides: current?.overrides ?? {},
      enabled,
      ...(reason ? { reason } : {}),
      updatedBy: actor.userId,
      updatedAt: at,
      version: current?.version ?? 0,
    }));
    await deps.audit.record({
      subject: ruleId,
      action: enabled ? 'enable-rule' : 'disable-rule',
      actor: actor.userId,
      at,
      before: { enabled: before?.enabled ?? true },
      after: { enabled, ...(reason ? { reason } : {}) },
    });
    return after!;
  }

  return {
    /** Every rule as it runs now, with its stored state applied. */
    async list(filter?: string): Promise<Array<{ rule: Rule; state?: RuleState }>> {
      const states = await deps.settings.ruleStates();
      const byId = new Map(states.map((s) => [s.ruleId, s]));
      const needle = filter?.toLowerCase();
      return applyRuleStates(deps.rules, states)
        .filter((rule) => !needle || rule.id.toLowerCase().includes(needle) || rule.tags.some((t) => t.toLowerCase().includes(needle)))
        .map((rule) => ({ rule, ...(byId.has(rule.id) ? { state: byId.get(rule.id)! } : {}) }));
    },
    async show(ruleId: string): Promise<{ rule: Rule; state?: RuleState }> {
      const state = await deps.settings.ruleState(ruleId);
      const [rule] = applyRuleStates([find(ruleId)], state ? [state] : []);
      return { rule: rule!, ...(state ? { state } : {}) };
    },
    enable: (ruleId: string, actor: Actor) => setEnabled(ruleId, true, actor),
    disable: (ruleId: string, actor: Actor, reason?: string) => setEnabled(ruleId, false, actor, reason),
  };
}

export type RuleAdmin = ReturnType<typeof createRuleAdmin>;
