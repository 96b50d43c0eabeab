import { dig, list, strings, text } from './fields';
import { globMatcher } from './matchers';

/**
 * Readers for S3 bucket policy documents. A policy document is JSON written by people: Principal,
 * Action and Condition each come as a string, a list or an object, so every reader takes any shape.
 */
export function statements(policy: string | null): unknown[] {
  return list(dig(parseDocument(policy), 'Statement'));
}

/** A policy document as AWS returns it (a JSON string); unreadable text has no statements. */
export function parseDocument(policy: string | null): unknown {
  if (policy === null || policy === '') return undefined;
  try {
    return JSON.parse(policy) as unknown;
  } catch {
    return undefined;
  }
}

/** True when the statement's principal is everyone (`"*"` or `{"AWS": "*"}`). */
export function isEveryone(statement: unknown): boolean {
  const principal = dig(statement, 'Principal');
  if (text(principal) === '*') return true;
  return strings(dig(principal, 'AWS')).includes('*');
}

function hasCondition(statement: unknown): boolean {
  const condition = dig(statement, 'Condition');
  return typeof condition === 'object' && condition !== null && Object.keys(condition).length > 0;
}

/**
 * An Allow to everyone with no condition: public by any reading. Statements with conditions
 * (source VPC, organization id) are left to S3's own PolicyIsPublic verdict, which evaluates them.
 */
export function isUnconditionalPublicAllow(statement: unknown): boolean {
  return text(dig(statement, 'Effect')) === 'Allow' && isEveryone(statement) && !hasCondition(statement);
}

/** A Deny to everyone for requests made without TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(statement: unknown): boolean {
  if (text(dig(statement, 'Effect')) !== 'Deny' || !isEveryone(statement)) return false;
  const secureTransport = strings(dig(statement, 'Condition', 'Bool', 'aws:SecureTransport'));
  const actions = strings(dig(statement, 'Action'));
  return secureTransport.map((value) => value.toLowerCase()).includes('false') && actions.some((action) => action === '*' || action === 's3:*');
}

/**
 * A bucket the organisation made public on purpose (prowl.config.yml → detections.publicBuckets,
 * ARN globs): the public-bucket policies pass it, so the exception is written down once.
 */
export function isPublicByDesign(bucketArn: string, publicBuckets: readonly string[]): boolean {
  return globMatcher(publicBuckets)(bucketArn);
}
