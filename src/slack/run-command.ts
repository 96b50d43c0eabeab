import { expiryTime } from '../alerts/expiry';
import type { Actor } from '../alerts/roles';
import { teamFor } from '../alerts/routing';
import { describeSuppression } from '../alerts/suppression';
import { severityRank } from '../config/severity';
import { parseCommand, USAGE, type Command } from './commands';
import { markup, mrkdwn, untrusted } from './escape';
import { explainFailure } from './explain-failure';
import { homeText } from './home-view';
import type { Operations } from './operations';
import { statsText } from './stats-reply';

/** What the user sees back; ephemeral, since it answers only the person who asked. */
export interface Reply {
  text: string;
}

/** Where the command was typed, so a job can answer in the same place. */
export interface CommandPlace {
  channel: string;
}

const LIST_LIMIT = 25;

function bullet(lines: string[], empty: string): Reply {
  if (lines.length === 0) return { text: empty };
  const shown = lines.slice(0, LIST_LIMIT);
  return { text: shown.join('\n') + (lines.length > LIST_LIMIT ? `\n…and ${lines.length - LIST_LIMIT} more` : '') };
}

async function execute(command: Command, actor: Actor, place: CommandPlace, ops: Operations): Promise<Reply> {
  switch (command.name) {
    case 'help':
      // Usage lines are literal text: `<alert-id>` and `<log-type|any>` would otherwise be read as Slack links.
      return {
        text: `*Prowl commands*\n${Object.values(USAGE)
          .map((line) => untrusted(line))
          .join('\n')}`,
      };
    case 'alerts': {
      const teams = await ops.routes.teams();
      const alerts = (await ops.triage.list(command.status, 200)).filter(
        (a) =>
          (!command.minSeverity || severityRank(a.severity) >= severityRank(command.minSeverity)) &&
          (!command.team || teamFor(a, teams)?.name === command.team),
      );
      return bullet(
        alerts.map((a) => mrkdwn`• [${a.severity}] ${a.title} — \`${a.id}\` (${a.matchCount} events, last ${a.lastSeen})`),
        mrkdwn`No ${command.status.toLowerCase()} alerts${command.team ? ` for ${command.team}` : ''}.`,
      );
    }
    case 'ack':
      await ops.triage.acknowledge(command.alertId, actor);
      return { text: mrkdwn`Acknowledged \`${command.alertId}\`.` };
    case 'unack':
      await ops.triage.unacknowledge(command.alertId, actor);
      return { text: mrkdwn`\`${command.alertId}\` is open again.` };
    case 'events': {
      const alert = await ops.triage.get(command.alertId);
      if (!alert) return { text: mrkdwn`no alert ${command.alertId}; \`/prowl alerts\` lists open ones` };
      await ops.searches.showEvents(command.alertId, actor, place.channel);
      return { text: mrkdwn`Searching the lake for what happened around \`${command.alertId}\`… the results will be posted here.` };
    }
    case 'resolve':
      await ops.triage.resolve(command.alertId, actor, command.reason, command.note);
      return { text: mrkdwn`Resolved \`${command.alertId}\` as ${command.reason}.` };
    case 'suppress': {
      const expiresAt = expiryTime(command.expiry, ops.now(), await ops.timeZoneOf(actor.userId));
      const created = await ops.suppressions.create(
        {
          ruleId: command.ruleId,
          ...(command.dedup !== undefined ? { dedup: command.dedup } : {}),
          conditions: command.conditions,
          ...(expiresAt ? { expiresAt } : {}),
          reason: command.reason,
        },
        actor,
      );
      return {
        text: mrkdwn`Suppression \`${created.id}\`: ${describeSuppression(created)}. Matches are counted, not lost; \`/prowl unsuppress ${created.id}\` ends it.`,
      };
    }
    case 'suppressions':
      return bullet(
        (await ops.suppressions.active()).map((s) => mrkdwn`• \`${s.id}\` ${describeSuppression(s)} — by ${s.createdBy}, caught ${s.suppressedCount}`),
        'No active suppressions.',
      );
    case 'unsuppress':
      await ops.suppressions.remove(command.id, actor);
      return { text: mrkdwn`Suppression \`${command.id}\` has ended; matches alert again from the next batch.` };
    case 'rules':
      switch (command.action) {
        case 'list':
          return bullet(
            (await ops.rules.list(command.filter)).map(
              ({ rule, state }) =>
                mrkdwn`• ${markup(rule.enabled ? ':large_green_circle:' : ':white_circle:')} \`${rule.id}\` ${rule.severity}${state && !state.enabled ? ` — disabled by ${state.updatedBy}${state.reason ? `: ${state.reason}` : ''}` : ''}`,
            ),
            command.filter ? mrkdwn`No rules match "${command.filter}".` : 'No rules.',
          );
        case 'show': {
          const { rule, state } = await ops.rules.show(command.ruleId);
          return {
            text: [
              mrkdwn`*${rule.id}* (${rule.origin}${rule.author ? `, by ${rule.author}` : ''}) — ${rule.enabled ? 'enabled' : 'disabled'}${state ? ` (changed by ${state.updatedBy} at ${state.updatedAt})` : ''}`,
              mrkdwn`Severity ${rule.severity} · log types ${rule.logTypes.join(', ')} · dedup ${rule.dedupPeriodMinutes} min · threshold ${rule.threshold}${rule.team ? ` · team ${rule.team}` : ''}`,
              untrusted(rule.description, 'lines'),
              mrkdwn`Tags: ${rule.tags.join(', ') || 'none'}`,
              mrkdwn`Runbook: ${rule.runbook}`,
            ].join('\n'),
          };
        }
        case 'enable':
          await ops.rules.enable(command.ruleId, actor);
          return { text: mrkdwn`\`${command.ruleId}\` is enabled; it runs from every worker's next batch.` };
        case 'disable':
          await ops.rules.disable(command.ruleId, actor, command.reason);
          return { text: mrkdwn`\`${command.ruleId}\` is disabled; it stops at every worker's next batch.` };
      }
      break;
    case 'route':
      switch (command.action) {
        case 'list':
          return bullet(
            (await ops.routes.teams()).map((t) => mrkdwn`• *${t.name}* → ${t.channel} (≥ ${t.minSeverity}) owns ${JSON.stringify(t.owns)}`),
            'No teams; every alert goes to the default channel.',
          );
        case 'set': {
          const team = await ops.routes.set(command.team, command.change, actor);
          return { text: mrkdwn`Route for *${team.name}* → ${team.channel} (≥ ${team.minSeverity}) saved.` };
        }
        case 'remove':
          await ops.routes.remove(command.team, actor);
          return { text: mrkdwn`Route for *${command.team}* removed; its alerts go to the default channel.` };
      }
      break;
    case 'audit': {
      const subject = command.subject;
      if (!subject) return { text: `Say what to audit.\nUsage: ${untrusted(USAGE.audit)}` };
      const entries = [...(await ops.audit.list(subject, LIST_LIMIT)), ...(await ops.audit.list(`team:${subject}`, LIST_LIMIT))];
      return bullet(
        entries.map((e) => mrkdwn`• ${e.at} ${e.actor} ${e.action}${e.after ? ` → ${JSON.stringify(e.after)}` : ''}`),
        mrkdwn`No changes recorded for ${subject}.`,
      );
    }
    case 'search':
      await ops.searches.search(command.query, actor, place.channel);
      return { text: mrkdwn`Searching \`${command.query}\`… the results will be posted here.` };
    case 'scan':
      await ops.searches.scan(
        { ...(command.accountId ? { accountId: command.accountId } : {}), ...(command.resourceType ? { resourceType: command.resourceType } : {}) },
        actor,
        place.channel,
      );
      return {
        text: mrkdwn`Scanning ${command.accountId ?? 'every account'} (${command.resourceType ?? 'every resource type'})… the summary will be posted here, and failures as alerts.`,
      };
    case 'home':
      return { text: homeText(await ops.reports.home(actor)) };
    case 'stats':
      return { text: statsText(await ops.reports.stats({ period: command.period, ...(command.team ? { team: command.team } : {}) })) };
    case 'sql':
      await ops.searches.sql(command.statement, actor, place.channel);
      return { text: 'Running your SQL… the results will be posted here.' };
  }
  return { text: `Usage: ${untrusted(USAGE.help)}` };
}

/** Runs `/prowl <text>` for an actor. Never throws: every failure becomes an explanation. */
export async function runCommand(text: string, actor: Actor, place: CommandPlace, ops: Operations): Promise<Reply> {
  try {
    return await execute(parseCommand(text), actor, place, ops);
  } catch (error) {
    return { text: await explainFailure(error, { what: `/prowl ${text.trim().split(/\s+/)[0] ?? ''}`, userId: actor.userId, audit: ops.audit, now: ops.now }) };
  }
}
