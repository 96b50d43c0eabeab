import type { RuleAdmin } from '../../alerts/rule-admin';
import type { Rule } from '../../detect/rule';
import { markup, mrkdwn, untrusted } from '../escape';
import { entry, type Reply } from './command';
import { bullet } from './list-reply';
import { identifier, misuse } from './parse-args';

export type RulesInput =
  | { name: 'rules'; action: 'list'; filter?: string }
  | { name: 'rules'; action: 'show' | 'enable'; ruleId: string }
  | { name: 'rules'; action: 'disable'; ruleId: string; reason?: string };

type RuleView = Awaited<ReturnType<RuleAdmin['show']>>;

type RulesOutcome = { kind: 'list'; rules: RuleView[] } | { kind: 'show'; view: RuleView } | { kind: 'changed'; ruleId: string; enabled: boolean };

const USAGE = '/prowl rules [list [filter]|show <rule-id>|enable <rule-id>|disable <rule-id> [reason…]]';

function parse(args: readonly string[]): RulesInput {
  const [action = 'list', ...rest] = args;
  switch (action) {
    case 'list':
      return { name: 'rules', action: 'list', ...(rest[0] ? { filter: rest.join(' ') } : {}) };
    case 'show':
    case 'enable':
      return { name: 'rules', action, ruleId: identifier(USAGE, 'a rule id', rest[0]) };
    case 'disable':
      return {
        name: 'rules',
        action: 'disable',
        ruleId: identifier(USAGE, 'a rule id', rest[0]),
        ...(rest.length > 1 ? { reason: rest.slice(1).join(' ') } : {}),
      };
    default:
      throw misuse(USAGE, `unknown rules action "${action}".`);
  }
}

function ruleLine({ rule, state }: RuleView): string {
  return mrkdwn`• ${markup(rule.enabled ? ':large_green_circle:' : ':white_circle:')} \`${rule.id}\` ${rule.severity}${state && !state.enabled ? ` — disabled by ${state.updatedBy}${state.reason ? `: ${state.reason}` : ''}` : ''}`;
}

function ruleDetail(rule: Rule, state: RuleView['state']): string {
  return [
    mrkdwn`*${rule.id}* (${rule.origin}${rule.author ? `, by ${rule.author}` : ''}) — ${rule.enabled ? 'enabled' : 'disabled'}${state ? ` (changed by ${state.updatedBy} at ${state.updatedAt})` : ''}`,
    mrkdwn`Severity ${rule.severity} · log types ${rule.logTypes.join(', ')} · dedup ${rule.dedupPeriodMinutes} min · threshold ${rule.threshold}${rule.team ? ` · team ${rule.team}` : ''}`,
    untrusted(rule.description, 'lines'),
    mrkdwn`Tags: ${rule.tags.join(', ') || 'none'}`,
    mrkdwn`Runbook: ${rule.runbook}`,
  ].join('\n');
}

function reply(outcome: RulesOutcome, input: RulesInput): Reply {
  if (outcome.kind === 'list') {
    const filter = input.action === 'list' ? input.filter : undefined;
    return bullet(outcome.rules.map(ruleLine), filter ? mrkdwn`No rules match "${filter}".` : 'No rules.');
  }
  if (outcome.kind === 'show') return { text: ruleDetail(outcome.view.rule, outcome.view.state) };
  return outcome.enabled
    ? { text: mrkdwn`\`${outcome.ruleId}\` is enabled; it runs from every worker's next batch.` }
    : { text: mrkdwn`\`${outcome.ruleId}\` is disabled; it stops at every worker's next batch.` };
}

export const rulesCommand = entry({
  name: 'rules',
  usage: USAGE,
  parse,
  permission: (input) =>
    input.action === 'enable' || input.action === 'disable' ? { role: 'admin', what: input.action === 'enable' ? 'enable rules' : 'disable rules' } : undefined,
  async run(input, { ops, actor }): Promise<RulesOutcome> {
    switch (input.action) {
      case 'list':
        return { kind: 'list', rules: await ops.rules.list(input.filter) };
      case 'show':
        return { kind: 'show', view: await ops.rules.show(input.ruleId) };
      case 'enable':
        await ops.rules.enable(input.ruleId, actor);
        return { kind: 'changed', ruleId: input.ruleId, enabled: true };
      case 'disable':
        await ops.rules.disable(input.ruleId, actor, input.reason);
        return { kind: 'changed', ruleId: input.ruleId, enabled: false };
    }
  },
  reply,
});
