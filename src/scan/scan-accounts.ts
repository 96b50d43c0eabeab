import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleProvider, type CredentialProvider } from './assume-role';
import { collectionError, mapLimit, send, type CollectContext, type CollectionError, type CollectionResult } from './collection';
import type { Collector, ScanClients } from './collector';
import { COLLECTORS } from './collectors';
import type { Resource, ResourceTypeName } from './resource-types';
import { GLOBAL_REGION } from './resources/base';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { isTargetResource, type RescanTarget } from './rescan-target';
import { roleArnFor, type AccountPlan, type ScanPlan } from './scan-plan';

/** One account reached with the audit role's credentials. */
export interface AccountAccess {
  accountId: string;
  credentials: CredentialProvider;
}

/** Builds the SDK clients for an account and region. Injected: tests hand out mocks, handlers real clients (scan-clients.ts). */
export type ScanClientFactory = (access: AccountAccess, region: string) => ScanClients;

export interface ScanDeps {
  /** STS with Prowl's own credentials, to assume the audit role in each account. */
  sts: STSClient;
  clients: ScanClientFactory;
  retry?: RetryOptions;
  /** Resources described at once per collector (default 8). */
  concurrency?: number;
  /** Regions of one account scanned at once (default 4). */
  regionConcurrency?: number;
}

/** A part of the scan (one resource type in one account and region) whose listing succeeded. */
export interface ListedScope {
  accountId: string;
  region: string;
  resourceType: ResourceTypeName;
}

export interface ScanResult {
  resources: Resource[];
  errors: CollectionError[];
  /**
   * Scopes that were listed in full. A resource of a listed scope that is not in `resources` and not
   * named in `errors` no longer exists; outside these scopes, absence means nothing.
   */
  listed: ListedScope[];
}

interface ScanRun {
  plan: ScanPlan;
  deps: ScanDeps;
  retry: RetryOptions;
  collectors: readonly Collector[];
}

function empty(): ScanResult {
  return { resources: [], errors: [], listed: [] };
}

function merge(results: readonly ScanResult[]): ScanResult {
  return {
    resources: results.flatMap((r) => r.resources),
    errors: results.flatMap((r) => r.errors),
    listed: results.flatMap((r) => r.listed),
  };
}

/** Runs one collector, containing anything it throws: a bug in one collector must not end the scan. */
async function runCollector(collector: Collector, clients: ScanClients, ctx: CollectContext): Promise<ScanResult> {
  let result: CollectionResult;
  try {
    result = await collector.collect(clients, ctx);
  } catch (error) {
    result = {
      resources: [],
      errors: [collectionError({ accountId: ctx.accountId, region: ctx.region, resourceType: collector.resourceType }, error, 'collect')],
    };
  }
  const listingFailed = result.errors.some((error) => error.resourceType === collector.resourceType && error.resourceId === undefined);
  return { ...result, listed: listingFailed ? [] : [{ accountId: ctx.accountId, region: ctx.region, resourceType: collector.resourceType }] };
}

/** Called when an account's regions are "all"; granted by the audit role with the collectors' actions. */
export const REGION_DISCOVERY_PERMISSIONS = ['ec2:DescribeRegions'] as const;

async function regionsOf(account: AccountPlan, ec2: EC2Client, ctx: CollectContext): Promise<string[]> {
  if (account.regions !== 'all') return account.regions;
  // Without AllRegions, EC2 answers with the regions enabled for this account only.
  const output = await send(ctx, 'DescribeRegions', () => ec2.send(new DescribeRegionsCommand({})));
  return (output.Regions ?? []).flatMap((region) => (region.RegionName ? [region.RegionName] : [])).sort();
}

/** The account reached through its audit role, or the error that says why it could not be. */
async function accessAccount(
  account: AccountPlan,
  plan: ScanPlan,
  deps: ScanDeps,
  retry: RetryOptions,
): Promise<{ access: AccountAccess } | { failed: ScanResult }> {
  try {
    const credentials = await assumeRoleProvider(
      deps.sts,
      {
        accountId: account.id,
        roleArn: roleArnFor(account, plan),
        externalId: account.externalId ?? plan.externalId,
        sessionName: plan.sessionName,
      },
      retry,
    );
    return { access: { accountId: account.id, credentials } };
  } catch (error) {
    return { failed: { ...empty(), errors: [collectionError({ accountId: account.id, region: plan.homeRegion }, error, 'AssumeRole')] } };
  }
}

function contextFor(account: AccountPlan, plan: ScanPlan, deps: ScanDeps, retry: RetryOptions): Omit<CollectContext, 'region'> {
  return { accountId: account.id, partition: plan.partition, retry, concurrency: deps.concurrency ?? 8 };
}

async function scanAccount(account: AccountPlan, run: ScanRun): Promise<ScanResult> {
  const { plan, deps, retry } = run;
  const base = contextFor(account, plan, deps, retry);
  const homeCtx: CollectContext = { ...base, region: plan.homeRegion };

  const reached = await accessAccount(account, plan, deps, retry);
  if ('failed' in reached) return reached.failed;
  const { access } = reached;
  const homeClients = deps.clients(access, plan.homeRegion);

  const accountWide: ScanResult[] = [];
  for (const collector of run.collectors.filter((c) => c.scope === 'account')) {
    accountWide.push(await runCollector(collector, homeClients, { ...base, region: GLOBAL_REGION }));
  }

  const regional = run.collectors.filter((c) => c.scope === 'region');
  if (regional.length === 0) return merge(accountWide);
  let regions: string[];
  try {
    regions = await regionsOf(account, homeClients.ec2, homeCtx);
  } catch (error) {
    return merge([...accountWide, { ...empty(), errors: [collectionError({ accountId: account.id, region: plan.homeRegion }, error)] }]);
  }
  const perRegion = await mapLimit(regions, deps.regionConcurrency ?? 4, async (region) => {
    const clients = deps.clients(access, region);
    const results: ScanResult[] = [];
    for (const collector of regional) results.push(await runCollector(collector, clients, { ...base, region }));
    return merge(results);
  });
  return merge([...accountWide, ...perRegion]);
}

/**
 * Scans every account and region in the plan: assumes the audit role in each account, runs each
 * collector, and returns what was collected with what could not be. Nothing here throws for AWS
 * reasons: an unreachable account, a denied call or an exhausted retry is an entry in `errors`.
 */
export async function scanAccounts(plan: ScanPlan, deps: ScanDeps): Promise<ScanResult> {
  const types = plan.resourceTypes;
  const run: ScanRun = {
    plan,
    deps,
    retry: deps.retry ?? DEFAULT_RETRY,
    collectors: types ? COLLECTORS.filter((collector) => types.includes(collector.resourceType)) : COLLECTORS,
  };
  const results: ScanResult[] = [];
  // One account at a time: its regions already run in parallel, and an account with thousands of
  // resources then slows only itself.
  for (const account of plan.accounts) results.push(await scanAccount(account, run));
  return merge(results);
}

/**
 * Collects one resource again after a change (see resource-changes.ts): in its account, with the
 * type's single-resource read where it has one, else the type's listing for that region narrowed
 * to the resource. `listed` is empty: a re-scan never says what else exists.
 */
export async function collectTarget(plan: ScanPlan, target: RescanTarget, deps: ScanDeps): Promise<ScanResult> {
  const account = plan.accounts.find((candidate) => candidate.id === target.accountId);
  const collector = COLLECTORS.find((candidate) => candidate.resourceType === target.resourceType);
  if (!account || !collector) return empty();
  const retry = deps.retry ?? DEFAULT_RETRY;
  const reached = await accessAccount(account, plan, deps, retry);
  if ('failed' in reached) return reached.failed;

  const clientRegion = collector.scope === 'account' ? plan.homeRegion : target.region;
  const ctx: CollectContext = { ...contextFor(account, plan, deps, retry), region: collector.scope === 'account' ? GLOBAL_REGION : target.region };
  const clients = deps.clients(reached.access, clientRegion);
  let result: CollectionResult;
  try {
    result = collector.collectOne ? await collector.collectOne(clients, ctx, target.name) : await collector.collect(clients, ctx);
  } catch (error) {
    result = {
      resources: [],
      errors: [collectionError({ accountId: ctx.accountId, region: ctx.region, resourceType: collector.resourceType }, error, 'collect')],
    };
  }
  return { resources: result.resources.filter((resource) => isTargetResource(resource, target)), errors: result.errors, listed: [] };
}

/** True when the plan scans the target's account and (for regional types) its region. */
export function planCovers(plan: ScanPlan, target: RescanTarget): boolean {
  const account = plan.accounts.find((candidate) => candidate.id === target.accountId);
  if (!account) return false;
  if (plan.resourceTypes && !plan.resourceTypes.includes(target.resourceType)) return false;
  return target.region === GLOBAL_REGION || account.regions === 'all' || account.regions.includes(target.region);
}
