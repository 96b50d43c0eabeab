import { ProwlError } from '../errors';

/**
 * One id grammar for every detection Prowl runs: TypeScript rules, policies and Sigma rules. An id
 * is what the detection watches, then its name, as dot-separated PascalCase segments:
 *
 * - a rule: its log type, then the name — `AWS.CloudTrail.RootConsoleLogin`;
 * - a policy: its resource type, then the name — `AWS.S3.Bucket.EncryptionDisabled`, or
 *   `AWS.Resource.<Name>` for a policy over several types;
 * - a Sigma rule: `Sigma.`, its log type, then its title in PascalCase —
 *   `Sigma.AWS.CloudTrail.SecurityHubDisabled` (Sigma's own `id`, a UUID in SigmaHQ, is kept beside it).
 *
 * The id is a key (alert history, on/off state and suppressions hang off it), so it keeps to
 * characters every store, Slack command and file name takes as they are.
 */
export const DETECTION_ID_PATTERN = /^[A-Z][A-Za-z0-9]*(?:\.[A-Z0-9][A-Za-z0-9]*){2,}$/;

/** The grammar in words, for error messages. */
export const DETECTION_ID_GRAMMAR =
  'three or more dot-separated segments of ASCII letters and digits, each starting with a capital letter or a digit (the first with a capital letter): ' +
  'what the detection watches, then its name, e.g. AWS.CloudTrail.RootConsoleLogin, AWS.S3.Bucket.EncryptionDisabled or Sigma.AWS.CloudTrail.SecurityHubDisabled';

/** The namespace Sigma rules' ids start with, so they never collide with the TypeScript pack's. */
export const SIGMA_NAMESPACE = 'Sigma';

/** What a policy over several resource types watches, in place of one resource type. */
export const MULTI_RESOURCE_PREFIX = 'AWS.Resource';

export function isDetectionId(id: unknown): id is string {
  return typeof id === 'string' && DETECTION_ID_PATTERN.test(id);
}

/** Returns the id when it keeps the grammar; a config error naming the detection kind and the grammar otherwise. */
export function checkDetectionId(id: unknown, kind: 'rule' | 'policy' | 'Sigma rule'): string {
  if (isDetectionId(id)) return id;
  throw new ProwlError('prowl_config_invalid', `${kind} id ${JSON.stringify(id)} does not keep the detection id grammar: expected ${DETECTION_ID_GRAMMAR}`);
}

/**
 * The file a detection of the bundled pack lives in, without its extension: the id in snake case,
 * segments before the name lower-cased whole (AWS.EC2.NetworkACL → aws_ec2_networkacl), the name
 * split at word boundaries (PublicACLGrant → public_acl_grant, Ec2UserDataRead → ec2_user_data_read).
 */
export function detectionFileStem(id: string): string {
  const segments = id.split('.');
  const name = segments.pop() ?? '';
  const snakeName = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
  return [...segments.map((segment) => segment.toLowerCase()), snakeName].join('_');
}
