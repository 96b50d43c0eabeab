import { DateTime } from 'luxon';
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, send, type CollectContext } from '../collection';
import type { ScanClients } from '../collector';
import type { CredentialReport } from '../resources/credential-report';

/** Report columns → Panther's field names, with how each value reads. */
const COLUMNS: ReadonlyArray<[string, keyof CredentialReport, 'text' | 'flag' | 'time']> = [
  ['user', 'UserName', 'text'],
  ['arn', 'ARN', 'text'],
  ['user_creation_time', 'UserCreationTime', 'time'],
  ['password_enabled', 'PasswordEnabled', 'flag'],
  ['password_last_used', 'PasswordLastUsed', 'time'],
  ['password_last_changed', 'PasswordLastChanged', 'time'],
  ['password_next_rotation', 'PasswordNextRotation', 'time'],
  ['mfa_active', 'MfaActive', 'flag'],
  ['access_key_1_active', 'AccessKey1Active', 'flag'],
  ['access_key_1_last_rotated', 'AccessKey1LastRotated', 'time'],
  ['access_key_1_last_used_date', 'AccessKey1LastUsedDate', 'time'],
  ['access_key_1_last_used_region', 'AccessKey1LastUsedRegion', 'text'],
  ['access_key_1_last_used_service', 'AccessKey1LastUsedService', 'text'],
  ['access_key_2_active', 'AccessKey2Active', 'flag'],
  ['access_key_2_last_rotated', 'AccessKey2LastRotated', 'time'],
  ['access_key_2_last_used_date', 'AccessKey2LastUsedDate', 'time'],
  ['access_key_2_last_used_region', 'AccessKey2LastUsedRegion', 'text'],
  ['access_key_2_last_used_service', 'AccessKey2LastUsedService', 'text'],
  ['cert_1_active', 'Cert1Active', 'flag'],
  ['cert_1_last_rotated', 'Cert1LastRotated', 'time'],
  ['cert_2_active', 'Cert2Active', 'flag'],
  ['cert_2_last_rotated', 'Cert2LastRotated', 'time'],
];

/** IAM's placeholders for "nothing here". */
const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);

function readValue(raw: string | undefined, kind: 'text' | 'flag' | 'time'): string | boolean | null {
  if (raw === undefined || NO_VALUE.has(raw)) return null;
  if (kind === 'flag') return raw === 'true';
  if (kind === 'time') {
    const parsed = DateTime.fromISO(raw, { zone: 'utc' });
    return parsed.isValid ? parsed.toUTC().toISO() : null;
  }
  return raw;
}

/** The report's CSV (no quoting: IAM names cannot hold commas) as rows keyed by ARN. */
export function parseCredentialReport(csv: string): Map<string, CredentialReport> {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  const rows = new Map<string, CredentialReport>();
  for (const line of lines) {
    const cells = line.split(',');
    const byName = new Map(names.map((name, index) => [name, cells[index]]));
    const row: Record<string, unknown> = {};
    for (const [column, field, kind] of COLUMNS) row[field] = readValue(byName.get(column), kind);
    if (typeof row['ARN'] === 'string') rows.set(row['ARN'], row as CredentialReport);
  }
  return rows;
}

/** Polls while IAM builds the report (usually seconds); enough for accounts with thousands of users. */
const MAX_POLLS = 10;
const POLL_MS = 2000;

/**
 * The account's credential report, generated when there is none recent (IAM keeps one for four
 * hours, so repeated scans reuse it). Rows are keyed by user ARN; the root user's ARN ends in `:root`.
 */
export async function readCredentialReport(iam: ScanClients['iam'], ctx: CollectContext): Promise<Map<string, CredentialReport>> {
  for (let poll = 0; ; poll += 1) {
    const generated = await send(ctx, 'GenerateCredentialReport', () => iam.send(new GenerateCredentialReportCommand({})));
    if (generated?.State === 'COMPLETE') {
      try {
        const report = await send(ctx, 'GetCredentialReport', () => iam.send(new GetCredentialReportCommand({})));
        return parseCredentialReport(new TextDecoder().decode(report?.Content ?? new Uint8Array()));
      } catch (error) {
        // Expired or replaced between the two calls: generate again.
        if (!(error instanceof AwsCallFailure && isAbsent(error.cause, ['ReportNotPresent', 'ReportExpired', 'ReportInProgress']))) throw error;
      }
    }
    if (poll + 1 >= MAX_POLLS) throw new AwsCallFailure('GetCredentialReport', new Error(`the credential report was not ready after ${MAX_POLLS} polls`));
    await ctx.retry.sleep(POLL_MS);
  }
}
