import { getAttId, props, refId, resourcesOfType, type Template, type TemplateResource } from './packaged-service';

/**
 * Questions the deploy tests ask of a CloudFormation template: which policy statements it holds,
 * which role a function runs as, what a Fn::Sub says.
 */

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PlacedStatement {
  /** Where the statement is: logical id and policy. */
  where: string;
  statement: Statement;
}

/** A statement list may hold `Fn::If: [condition, a, b]`: both branches can be deployed. */
function flattenStatements(value: unknown): Statement[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((item): Statement[] => {
    const branches = (item as { 'Fn::If'?: unknown[] })['Fn::If'];
    if (Array.isArray(branches))
      return branches
        .slice(1)
        .filter((branch) => refId(branch) !== 'AWS::NoValue')
        .flatMap(flattenStatements);
    return [item as Statement];
  });
}

function statementsOf(document: unknown): Statement[] {
  return flattenStatements((document as { Statement?: unknown } | undefined)?.Statement);
}

/** Every policy statement in the template: roles (trust and permissions), resource policies. */
export function allStatements(template: Template): PlacedStatement[] {
  const placed: PlacedStatement[] = [];
  const add = (where: string, statements: Statement[]): void => statements.forEach((statement) => placed.push({ where, statement }));
  for (const [id, resource] of Object.entries(template.Resources)) {
    const p = props(resource);
    switch (resource.Type) {
      case 'AWS::IAM::Role':
        add(`${id} trust policy`, statementsOf(p['AssumeRolePolicyDocument']));
        for (const policy of (p['Policies'] as Array<{ PolicyName: string; PolicyDocument: unknown }> | undefined) ?? [])
          add(`${id} ${policy.PolicyName}`, statementsOf(policy.PolicyDocument));
        break;
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
      case 'AWS::S3::BucketPolicy':
      case 'AWS::SQS::QueuePolicy':
      case 'AWS::SNS::TopicPolicy':
        add(id, statementsOf(p['PolicyDocument']));
        break;
      case 'AWS::Events::EventBusPolicy':
        add(id, flattenStatements(p['Statement']));
        break;
      default:
        break;
    }
  }
  return placed;
}

export function actionsOf(statement: Statement): string[] {
  return statement.Action === undefined ? [] : ([] as string[]).concat(statement.Action);
}

/** The text of a string or Fn::Sub (with its variables left as ${…}); JSON for anything else. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const sub = (value as { 'Fn::Sub'?: unknown } | undefined)?.['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  return JSON.stringify(value);
}

export function resourcesIn(statement: Statement): unknown[] {
  return statement.Resource === undefined ? [] : ([] as unknown[]).concat(statement.Resource);
}

export interface FunctionInfo {
  logicalId: string;
  name: string;
  roleId: string | undefined;
  timeout: number;
  environment: Record<string, unknown>;
}

export function lambdaFunctions(template: Template): FunctionInfo[] {
  return resourcesOfType(template, 'AWS::Lambda::Function').map(([logicalId, resource]) => {
    const p = props(resource);
    return {
      logicalId,
      name: String(p['FunctionName']),
      roleId: getAttId(p['Role'], 'Arn'),
      timeout: Number(p['Timeout']),
      environment: (p['Environment'] as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
    };
  });
}

/** The permission statements of one role (not its trust policy). */
export function roleStatements(template: Template, roleId: string): Statement[] {
  const role = template.Resources[roleId];
  if (!role) return [];
  return ((props(role)['Policies'] as Array<{ PolicyDocument: unknown }> | undefined) ?? []).flatMap((policy) => statementsOf(policy.PolicyDocument));
}

export interface SqsMapping {
  logicalId: string;
  queueId: string;
  functionId: string;
  batchSize: number;
  functionResponseTypes: unknown;
}

export function sqsMappings(template: Template): SqsMapping[] {
  return resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')
    .map(([logicalId, resource]) => {
      const p = props(resource);
      return {
        logicalId,
        queueId: getAttId(p['EventSourceArn'], 'Arn'),
        functionId: getAttId(p['FunctionName'], 'Arn'),
        batchSize: Number(p['BatchSize']),
        functionResponseTypes: p['FunctionResponseTypes'],
      };
    })
    .filter(
      (m): m is SqsMapping =>
        m.queueId !== undefined && m.functionId !== undefined && resourcesOfType(template, 'AWS::SQS::Queue').some(([id]) => id === m.queueId),
    );
}

/** Queues other queues dead-letter into. */
export function deadLetterQueueIds(template: Template): Set<string> {
  const ids = new Set<string>();
  for (const [, queue] of resourcesOfType(template, 'AWS::SQS::Queue')) {
    const target = getAttId((props(queue)['RedrivePolicy'] as { deadLetterTargetArn?: unknown } | undefined)?.deadLetterTargetArn, 'Arn');
    if (target) ids.add(target);
  }
  // Where a function's failed asynchronous invocations go (a scheduled function's dead-letter queue).
  for (const [, config] of resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')) {
    const target = getAttId(onFailureDestination(config), 'Arn');
    if (target) ids.add(target);
  }
  return ids;
}

/** The on-failure destination of an AWS::Lambda::EventInvokeConfig. */
export function onFailureDestination(config: TemplateResource): unknown {
  return (props(config)['DestinationConfig'] as { OnFailure?: { Destination?: unknown } } | undefined)?.OnFailure?.Destination;
}

/** Statements of the queue policies attached to a queue. */
export function queuePolicyStatements(template: Template, queueId: string): Statement[] {
  return resourcesOfType(template, 'AWS::SQS::QueuePolicy')
    .filter(([, policy]) => ((props(policy)['Queues'] as unknown[] | undefined) ?? []).some((queue) => refId(queue) === queueId))
    .flatMap(([, policy]) => statementsOf(props(policy)['PolicyDocument']));
}

export function servicePrincipal(statement: Statement): string | undefined {
  const service = (statement.Principal as { Service?: unknown } | undefined)?.Service;
  return typeof service === 'string' ? service : undefined;
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/**
 * Every Ref, Fn::GetAtt, Fn::Sub variable and condition name that points at nothing in the
 * template: CloudFormation rejects such a template only at deploy time.
 */
export function danglingReferences(template: Template & { Parameters?: Record<string, unknown> }): string[] {
  const names = new Set([...Object.keys(template.Resources), ...Object.keys(template.Parameters ?? {}), ...PSEUDO_PARAMETERS]);
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const dangling: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, where));
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string' && !names.has(inner)) dangling.push(`${where}: Ref ${inner}`);
      if (key === 'Fn::GetAtt' && Array.isArray(inner) && !names.has(String(inner[0]))) dangling.push(`${where}: GetAtt ${String(inner[0])}`);
      if (key === 'Fn::Sub') {
        const [pattern, variables] = Array.isArray(inner) ? [String(inner[0]), (inner[1] ?? {}) as Record<string, unknown>] : [String(inner), {}];
        for (const [, variable] of pattern.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = variable!.split('.')[0]!;
          if (!names.has(name) && !(name in variables)) dangling.push(`${where}: Sub \${${variable}}`);
        }
      }
      if (
        (key === 'Condition' && typeof inner === 'string' && !conditions.has(inner)) ||
        (key === 'Fn::If' && Array.isArray(inner) && !conditions.has(String(inner[0])))
      ) {
        dangling.push(`${where}: condition ${key === 'Condition' ? String(inner) : String((inner as unknown[])[0])}`);
      }
      visit(inner, where);
    }
  };
  for (const [id, resource] of Object.entries(template.Resources)) visit(resource, id);
  for (const [id, output] of Object.entries(template.Outputs ?? {})) visit(output, `Outputs.${id}`);
  visit(template.Conditions, 'Conditions');
  return dangling;
}

/** The resources one resource depends on: its Ref, Fn::GetAtt and Fn::Sub targets and DependsOn. */
function dependenciesOf(resource: unknown, ids: Set<string>): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.add(String(inner[0]));
      if (key === 'Fn::Sub') {
        const pattern = Array.isArray(inner) ? String(inner[0]) : String(inner);
        for (const [, variable] of pattern.matchAll(/\$\{([^!}][^}]*)\}/g)) found.add(variable!.split('.')[0]!);
      }
      if (key === 'DependsOn') ([] as unknown[]).concat(inner).forEach((id) => found.add(String(id)));
      visit(inner);
    }
  };
  visit(resource);
  return new Set([...found].filter((id) => ids.has(id)));
}

/** A chain of resources that depend on each other in a circle (CloudFormation refuses those), or undefined. */
export function dependencyCycle(template: Template): string[] | undefined {
  const ids = new Set(Object.keys(template.Resources));
  const edges = new Map([...ids].map((id) => [id, dependenciesOf(template.Resources[id], ids)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const walk = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = walk(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of ids) {
    const cycle = walk(id);
    if (cycle) return cycle;
  }
  return undefined;
}
