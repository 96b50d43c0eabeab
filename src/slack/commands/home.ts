import type { HomeOverview } from '../../alerts/home';
import { homeText } from '../home-view';
import { entry } from './command';
import { misuse } from './parse-args';

export interface HomeInput {
  name: 'home';
}

const USAGE = '/prowl home — your alerts: assigned to you, your teams’ open ones, recently resolved (the Home tab as text)';

/** `/prowl home`: the Home tab as text, its buttons written as the commands they stand for. */
export const homeCommand = entry({
  name: 'home',
  usage: USAGE,
  parse(args: readonly string[]): HomeInput {
    if (args.length > 0) throw misuse(USAGE, 'home takes no arguments.');
    return { name: 'home' };
  },
  run: (_input, { actor, ops }): Promise<HomeOverview> => ops.reports.home(actor),
  reply: (overview) => ({ text: homeText(overview) }),
});
