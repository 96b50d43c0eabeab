import { mrkdwn } from '../escape';
import { entry } from './command';
import { misuse } from './parse-args';

export interface SearchInput {
  name: 'search';
  query: string;
}

const USAGE = '/prowl search <log-type|any> [field op value …] [last 24h|since <date> [until <date>]] [limit N] [fields a,b] — search the logs';

export const searchCommand = entry({
  name: 'search',
  usage: USAGE,
  // The query language has its own grammar (quotes, operators): it is kept exactly as typed.
  parse(_, rest): SearchInput {
    if (rest === '') throw misuse(USAGE, 'say what to search, e.g. /prowl search AWS.CloudTrail eventName=ConsoleLogin last 24h');
    return { name: 'search', query: rest };
  },
  run: (input, { ops, actor, place }) => ops.searches.search(input.query, actor, place.channel),
  reply: (_, input) => ({ text: mrkdwn`Searching \`${input.query}\`… the results will be posted here.` }),
});
