/**
 * Who made a CloudTrail call, read from any record (typed, normalized or hostile): a short human
 * name such as `alice`, `Engineer/alice` for a role session, `root`, or the AWS service. Undefined
 * when the record carries no `userIdentity` at all (not a CloudTrail record).
 */
export function cloudTrailActor(event: unknown): string | undefined {
  const identity = field(event, 'userIdentity');
  if (identity === undefined || identity === null || typeof identity !== 'object') return undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const arn = text(field(identity, 'arn'));
  const userName = text(field(identity, 'userName'));
  const principalId = text(field(identity, 'principalId'));
  const invokedBy = text(field(identity, 'invokedBy'));
  switch (field(identity, 'type')) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return userName ?? arn ?? 'unknown IAM user';
    case 'AssumedRole':
      return (
        arn?.split(':assumed-role/')[1] ??
        text(field(field(field(identity, 'sessionContext'), 'sessionIssuer'), 'userName')) ??
        principalId ??
        'unknown role session'
      );
    case 'FederatedUser':
      return arn?.split(':federated-user/')[1] ?? principalId ?? 'unknown federated user';
    case 'AWSService':
      return invokedBy ?? 'an AWS service';
    default:
      return userName ?? arn ?? principalId ?? invokedBy ?? 'unknown principal';
  }
}

/**
 * The user names that belong to the caller, as the indicators record them (its own, its role's,
 * the user or session name in its ARN), as opposed to users the call acted on.
 */
export function cloudTrailCallerNames(event: unknown): string[] {
  const identity = field(event, 'userIdentity');
  const arn = field(identity, 'arn');
  const fromArn = typeof arn === 'string' ? (/:user\/(?:.*\/)?([^/]+)$/.exec(arn) ?? /:assumed-role\/[^/]+\/([^/]+)$/.exec(arn))?.[1] : undefined;
  return [field(identity, 'userName'), field(field(field(identity, 'sessionContext'), 'sessionIssuer'), 'userName'), fromArn].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}
