import { entry } from './command';
import { misuse } from './parse-args';

export interface SqlInput {
  name: 'sql';
  statement: string;
}

const USAGE = '/prowl sql SELECT … — read-only SQL over the lake tables (admins)';

export const sqlCommand = entry({
  name: 'sql',
  usage: USAGE,
  parse(_, rest): SqlInput {
    if (rest === '') throw misuse(USAGE, 'give a SELECT statement, e.g. /prowl sql SELECT eventName, count(*) FROM aws_cloudtrail GROUP BY 1');
    return { name: 'sql', statement: rest };
  },
  permission: () => ({ role: 'admin', what: 'run SQL' }),
  run: (input, { ops, actor, place }) => ops.searches.sql(input.statement, actor, place.channel),
  reply: () => ({ text: 'Running your SQL… the results will be posted here.' }),
});
