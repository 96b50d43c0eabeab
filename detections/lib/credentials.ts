import type { CredentialReport } from '../../src/scan/resources/credential-report';

/** One of a user's two access key slots in the credential report. */
export interface AccessKeySlot {
  slot: 1 | 2;
  active: boolean;
  lastRotated: string | null;
  lastUsedDate: string | null;
}

/** The user's access keys as the credential report lists them (a user holds at most two). */
export function accessKeySlots(report: CredentialReport | null): AccessKeySlot[] {
  if (report === null) return [];
  return [
    { slot: 1, active: report.AccessKey1Active === true, lastRotated: report.AccessKey1LastRotated, lastUsedDate: report.AccessKey1LastUsedDate },
    { slot: 2, active: report.AccessKey2Active === true, lastRotated: report.AccessKey2LastRotated, lastUsedDate: report.AccessKey2LastUsedDate },
  ];
}

/** True when the credential report says the user can sign in to the console. */
export function hasConsolePassword(report: CredentialReport | null): boolean {
  return report?.PasswordEnabled === true;
}
