import { STATS_PERIODS, type AlertStats, type StatsPeriod } from '../../alerts/alert-stats';
import { statsText } from '../stats-reply';
import { entry } from './command';
import { misuse } from './parse-args';

export interface StatsInput {
  name: 'stats';
  team?: string;
  period: StatsPeriod;
}

const PERIODS = Object.keys(STATS_PERIODS);
const USAGE = `/prowl stats [team] [${PERIODS.join('|')}] — alerts opened, acknowledged, resolved; mean time to acknowledge and resolve (default 7d)`;

function parse(args: readonly string[]): StatsInput {
  let period: StatsPeriod = '7d';
  let team: string | undefined;
  for (const arg of args) {
    const word = arg.toLowerCase();
    if (word in STATS_PERIODS) period = word as StatsPeriod;
    else if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && !team) team = arg;
    else throw misuse(USAGE, `"${arg.slice(0, 40)}" is neither a period (${PERIODS.join(', ')}) nor a team name.`);
  }
  return { name: 'stats', period, ...(team ? { team } : {}) };
}

/** `/prowl stats [team] [7d|30d]`: counts and mean times of the alerts opened in the period. */
export const statsCommand = entry({
  name: 'stats',
  usage: USAGE,
  parse,
  run: (input, { ops }): Promise<AlertStats> => ops.reports.stats({ period: input.period, ...(input.team ? { team: input.team } : {}) }),
  reply: (stats) => ({ text: statsText(stats) }),
});
