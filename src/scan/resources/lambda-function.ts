import { z } from 'zod';
import { optional, resourceBase, text } from './base';

export const LAMBDA_FUNCTION = 'AWS.Lambda.Function';

export const lambdaFunctionSchema = z.looseObject({
  ...resourceBase(LAMBDA_FUNCTION),
  Environment: optional(z.looseObject({ Variables: optional(z.record(z.string(), z.string())) })),
  KMSKeyArn: text,
  Role: text,
  Runtime: text,
  /** GetPolicy's answer; Policy inside is the resource policy as a JSON string. Null when the function has none. */
  Policy: optional(z.looseObject({ Policy: text, RevisionId: text })),
  /** Prowl's addition: GetFunctionUrlConfig's answer; null when the function has no URL. */
  FunctionUrlConfig: optional(z.looseObject({ AuthType: text, FunctionUrl: text })),
});

export type LambdaFunction = z.infer<typeof lambdaFunctionSchema>;
