import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/**
 * What `npx sls package --stage ci` produces, for tests over the deployable artifact: the
 * CloudFormation template and one zip per function.
 *
 * Packaging runs on a copy of the project (so it never races another packaging run over
 * `.esbuild/` and `.serverless/` in the checkout) with no AWS credentials or configuration in
 * reach, so a variable that needs AWS at package time fails here as it would offline in CI.
 * The output is cached under the OS temp directory by a hash of every input, so the test files
 * that need it, and later runs on unchanged sources, package once.
 */

export const ROOT = join(__dirname, '..', '..');
export const STAGE = 'ci';

/** Everything serverless.yml and the bundles are built from. */
const INPUTS = ['serverless.yml', 'package.json', 'package-lock.json', 'tsconfig.json', 'prowl.config.yml', 'infra', 'handlers', 'src', 'detections'];
const CACHE_ROOT = join(tmpdir(), 'prowl-sls-package');
const TEMPLATE_FILE = 'cloudformation-template-update-stack.json';
const PACKAGE_TIMEOUT_MS = 240_000;
/** Cached packages of other source versions are removed once this old. */
const STALE_MS = 60 * 60 * 1000;

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
}

export interface Template {
  Resources: Record<string, TemplateResource>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, { Value: unknown; Condition?: string }>;
}

const templateSchema = z.object({
  Resources: z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }).passthrough()),
  Conditions: z.record(z.string(), z.unknown()).optional(),
  Outputs: z.record(z.string(), z.object({ Value: z.unknown(), Condition: z.string().optional() }).passthrough()).optional(),
});

export interface PackagedService {
  /** The directory `--package` wrote to. */
  dir: string;
  template: Template;
}

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The environment of the packaging process: no credentials, profiles or instance metadata. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  return {
    ...env,
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
  };
}

function readTemplate(dir: string): Template {
  return templateSchema.parse(JSON.parse(readFileSync(join(dir, TEMPLATE_FILE), 'utf8'))) as Template;
}

function pruneStale(keep: string): void {
  for (const name of readdirSync(CACHE_ROOT)) {
    const path = join(CACHE_ROOT, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

async function runPackage(out: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'prowl-sls-work-'));
  try {
    for (const input of INPUTS) {
      if (existsSync(join(ROOT, input))) cpSync(join(ROOT, input), join(work, input), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const cli = join(ROOT, 'node_modules', 'osls', 'bin', 'serverless.js');
    await promisify(execFile)(process.execPath, [cli, 'package', '--stage', STAGE, '--package', out], {
      cwd: work,
      env: offlineEnv(),
      timeout: PACKAGE_TIMEOUT_MS,
      // esbuild's service can keep a failed build's process alive; make sure it ends.
      killSignal: 'SIGKILL',
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Packages the service (or reuses the package of identical sources) and reads its template. */
export async function packageService(): Promise<PackagedService> {
  const key = inputHash();
  const dir = join(CACHE_ROOT, key);
  if (existsSync(join(dir, TEMPLATE_FILE))) return { dir, template: readTemplate(dir) };

  mkdirSync(CACHE_ROOT, { recursive: true });
  const building = mkdtempSync(join(CACHE_ROOT, `${key}.building-`));
  await runPackage(building);
  try {
    renameSync(building, dir);
  } catch {
    // Another test file packaged the same sources first; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  pruneStale(key);
  return { dir, template: readTemplate(dir) };
}

/** `{ Fn::GetAtt: [id, attribute] }` → id, or undefined for anything else. */
export function getAttId(value: unknown, attribute: string): string | undefined {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  return Array.isArray(getAtt) && getAtt[1] === attribute && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}

/** `{ Ref: id }` → id, or undefined for anything else. */
export function refId(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

export function resourcesOfType(template: Template, type: string): Array<[string, TemplateResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function props(resource: TemplateResource): Record<string, unknown> {
  return resource.Properties ?? {};
}

/** Writes a zip's entries (from zipEntries) under a directory, as Lambda lays them out in /var/task. */
export function extractZip(entries: Map<string, Buffer>, into: string): void {
  for (const [name, data] of entries) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), data);
  }
}
