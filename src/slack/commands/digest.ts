import { entry } from './command';
import { misuse } from './parse-args';

export interface DigestInput {
  name: 'digest';
}

const USAGE = "/prowl digest — post today's digest now in every channel that has not had it (admins)";

/** `/prowl digest`: the scheduled digest on demand (and the way to run it on a laptop), through the jobs queue. */
export const digestCommand = entry({
  name: 'digest',
  usage: USAGE,
  parse(args: readonly string[]): DigestInput {
    if (args.length > 0) throw misuse(USAGE, 'digest takes no arguments.');
    return { name: 'digest' };
  },
  permission: () => ({ role: 'admin', what: 'post the digest' }),
  run: (_input, { ops, actor, place }) => ops.searches.digest(actor, place.channel),
  reply: () => ({ text: 'Posting today’s digest… channels that already had it today are skipped; you will hear where it went.' }),
});
