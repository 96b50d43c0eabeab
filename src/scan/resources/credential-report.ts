import { z } from 'zod';
import { flag, optional, text, time } from './base';

/** A user's row of the IAM credential report, field names as Panther writes them. */
export const credentialReportSchema = z.looseObject({
  UserName: text,
  ARN: text,
  UserCreationTime: time,
  PasswordEnabled: flag,
  PasswordLastUsed: time,
  PasswordLastChanged: time,
  PasswordNextRotation: time,
  MfaActive: flag,
  AccessKey1Active: flag,
  AccessKey1LastRotated: time,
  AccessKey1LastUsedDate: time,
  AccessKey1LastUsedRegion: text,
  AccessKey1LastUsedService: text,
  AccessKey2Active: flag,
  AccessKey2LastRotated: time,
  AccessKey2LastUsedDate: time,
  AccessKey2LastUsedRegion: text,
  AccessKey2LastUsedService: text,
  Cert1Active: flag,
  Cert1LastRotated: time,
  Cert2Active: flag,
  Cert2LastRotated: time,
});

export type CredentialReport = z.infer<typeof credentialReportSchema>;

/** A virtual MFA device; null for a user whose MFA is a hardware device (or who has none). */
export const virtualMfaSchema = optional(z.looseObject({ EnableDate: time, SerialNumber: text }));
