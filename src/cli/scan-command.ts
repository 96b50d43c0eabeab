import { DateTime } from 'luxon';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { policies as pack } from '../../detections/policies';
import type { Policy } from '../detect/policy';
import { selectDetections } from '../detect/detection-tests';
import { ProwlError } from '../errors';
import { configForCli } from './detection-settings-file';
import { evaluatePolicies, type PolicyFailure } from '../scan/evaluate-policies';
import { ACCEPTED_RESOURCE_INPUT, parseResourceText } from '../scan/resource-json';
import type { Resource } from '../scan/resource-types';
import { listFiles } from './files';
import { writeLine, type CommandIO } from './io';

export const SCAN_USAGE = 'prowl scan --resources <file|dir> [--format text|json] [--policy <id substring>] [--config <prowl.config.yml>]';

/** In a directory, only these are resource files; a lone file given by name is read whatever its name. */
const RESOURCE_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);
/** Enough to fix a broken export without burying the terminal. */
const PROBLEMS_SHOWN = 20;

function formatText(failure: PolicyFailure): string {
  return `[${failure.severity}] ${failure.policyId} — ${failure.title} (${failure.resourceId}, ${failure.accountId} ${failure.region})`;
}

function formatJson(failure: PolicyFailure): string {
  const { policyId, resourceId, resourceType, severity, title, accountId, region, context } = failure;
  return JSON.stringify({ policyId, resourceId, resourceType, severity, title, accountId, region, context });
}

interface ResourceInput {
  files: number;
  resources: Resource[];
  /** One per malformed resource (or unreadable file), naming where it is and what is wrong. */
  problems: string[];
}

async function readResources(path: string, io: CommandIO): Promise<ResourceInput> {
  await stat(path).catch(() => {
    throw new ProwlError('prowl_bad_input', `${path} does not exist; give a resource JSON file or a directory of them`);
  });
  const listed = await listFiles(path);
  const single = listed.length === 1 && listed[0]!.path === path;
  const files = single ? listed : listed.filter((file) => RESOURCE_EXTENSIONS.has(extname(file.path).toLowerCase()));
  // Skipped files are named, never dropped silently: a resource exported as .txt should be noticed.
  for (const file of listed) if (!files.includes(file)) writeLine(io.stderr, `skipped ${file.relative}: not a .json, .jsonl or .ndjson file`);
  if (files.length === 0)
    throw new ProwlError('prowl_bad_input', `${path} holds no .json, .jsonl or .ndjson files; expected files with ${ACCEPTED_RESOURCE_INPUT}`);

  const resources: Resource[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = parseResourceText(await readFile(file.path, 'utf8'), single ? file.path : file.relative);
    resources.push(...parsed.resources);
    problems.push(...parsed.problems);
  }
  return { files: files.length, resources, problems };
}

/** Malformed resources are reported, never fatal: the valid ones are still evaluated. */
function reportProblems(problems: readonly string[], io: CommandIO): void {
  for (const problem of problems.slice(0, PROBLEMS_SHOWN)) writeLine(io.stderr, `invalid resource: ${problem}`);
  if (problems.length > PROBLEMS_SHOWN) writeLine(io.stderr, `… and ${problems.length - PROBLEMS_SHOWN} more invalid resource(s)`);
}

/**
 * `prowl scan --resources <file|dir>`: evaluates the policy pack over resource JSON offline (from a
 * scan, a Panther export, or hand-written) and prints each failure. A malformed resource is named on
 * stderr and the others are still evaluated. Exit code 0 when every resource is valid and complies,
 * 1 when a policy fails or throws or a resource is invalid; bad arguments throw a ProwlError.
 */
export async function scanCommand(argv: string[], io: CommandIO, policies: readonly Policy[] = pack, defaultConfigPath = 'prowl.config.yml'): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { resources: { type: 'string' }, format: { type: 'string', default: 'text' }, policy: { type: 'string' }, config: { type: 'string' } },
  });
  if (positionals.length > 0) throw new ProwlError('prowl_bad_command', `unexpected argument "${positionals[0]}".\nUsage: ${SCAN_USAGE}`);
  if (!values.resources)
    throw new ProwlError('prowl_bad_command', `--resources is required: a resource JSON file or a directory of them.\nUsage: ${SCAN_USAGE}`);
  if (values.format !== 'text' && values.format !== 'json') throw new ProwlError('prowl_bad_command', `--format must be text or json, not "${values.format}"`);
  const selected = selectDetections(policies, values.policy);
  if (selected.length === 0) throw new ProwlError('prowl_bad_command', `no policy id contains "${values.policy}" (${policies.length} policies loaded)`);

  const { files, resources, problems } = await readResources(values.resources, io);
  reportProblems(problems, io);
  const { detections: settings, scanPolicies: standards } = configForCli(values.config, defaultConfigPath, selected, io);
  const evaluation = evaluatePolicies(selected, resources, { settings, standards, now: DateTime.utc() });

  for (const failure of evaluation.failures) writeLine(io.stdout, values.format === 'json' ? formatJson(failure) : formatText(failure));
  for (const error of evaluation.errors) writeLine(io.stderr, `policy error: ${error.policyId} on ${error.resourceId}: ${error.kind}: ${error.message}`);
  for (const failure of evaluation.suppressed)
    writeLine(io.stderr, `suppressed: ${failure.policyId} on ${failure.resourceId} (matches the policy's ignoreResources)`);
  writeLine(
    io.stderr,
    `${files} file(s), ${resources.length} resource(s)${problems.length > 0 ? ` (${problems.length} invalid, skipped)` : ''}, ${selected.length} policies: ${evaluation.passed.length} check(s) passed, ${evaluation.failures.length} failed, ${evaluation.suppressed.length} suppressed, ${evaluation.errors.length} error(s)`,
  );
  return evaluation.failures.length > 0 || evaluation.errors.length > 0 || problems.length > 0 ? 1 : 0;
}
