import { mrkdwn } from '../escape';
import { entry } from './command';
import { misuse } from './parse-args';

export interface ScanInput {
  name: 'scan';
  accountId?: string;
  resourceType?: string;
}

const USAGE = '/prowl scan [account-id] [resource-type] — run the cloud-security scan now (responders)';

function parse(args: readonly string[]): ScanInput {
  const accountId = args.find((arg) => /^\d{12}$/.test(arg));
  const resourceType = args.find((arg) => /^AWS\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/.test(arg));
  const unknown = args.filter((arg) => arg !== accountId && arg !== resourceType);
  if (unknown.length > 0) throw misuse(USAGE, `"${unknown[0]}" is neither a 12-digit account id nor a resource type like AWS.S3.Bucket.`);
  return { name: 'scan', ...(accountId ? { accountId } : {}), ...(resourceType ? { resourceType } : {}) };
}

export const scanCommand = entry({
  name: 'scan',
  usage: USAGE,
  parse,
  permission: () => ({ role: 'responder', what: 'run scans' }),
  run: (input, { ops, actor, place }) =>
    ops.searches.scan(
      { ...(input.accountId ? { accountId: input.accountId } : {}), ...(input.resourceType ? { resourceType: input.resourceType } : {}) },
      actor,
      place.channel,
    ),
  reply: (_, input) => ({
    text: mrkdwn`Scanning ${input.accountId ?? 'every account'} (${input.resourceType ?? 'every resource type'})… the summary will be posted here, and failures as alerts.`,
  }),
});
