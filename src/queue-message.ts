import type { z } from 'zod';
import { describeIssues } from './config/zod-issues';
import { ProwlError } from './errors';

/**
 * Reading a queue message: JSON first, then its schema. Either failure is `prowl_bad_input`
 * naming the queue and what a message there looks like, so a poison message in the DLQ explains
 * itself.
 */
export function parseMessageJson(body: string, queue: string, expected: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ProwlError('prowl_bad_input', `${queue} message is not JSON; expected ${expected}`);
  }
}

export function validateMessage<T>(json: unknown, schema: z.ZodType<T>, queue: string, expected: string): T {
  const result = schema.safeParse(json);
  if (!result.success) throw new ProwlError('prowl_bad_input', `${queue} message is not ${expected}:\n${describeIssues(result.error)}`);
  return result.data;
}

export function readMessage<T>(body: string, schema: z.ZodType<T>, queue: string, expected: string): T {
  return validateMessage(parseMessageJson(body, queue, expected), schema, queue, expected);
}
