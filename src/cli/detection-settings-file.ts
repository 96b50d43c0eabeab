import { existsSync } from 'node:fs';
import { EMPTY_DETECTION_SETTINGS, readConfigFile, unconfiguredSettingsWarning, type DetectionSettings, type SettingsConsumer } from '../config';
import { DEFAULT_SCAN_POLICY_SETTINGS, type ScanPolicySettings } from '../config/scan-policy-settings';
import { ProwlError } from '../errors';
import { writeLine, type CommandIO } from './io';

/**
 * The organisation settings an offline command (replay, scan) runs with: the `detections` section
 * of the given configuration file, or of prowl.config.yml in the project when it exists. Without
 * either, rules run unconfigured; the command says which ones that affects, on stderr.
 */
export function detectionSettingsForCli(
  explicitPath: string | undefined,
  defaultPath: string,
  consumers: readonly SettingsConsumer[],
  io: CommandIO,
): DetectionSettings {
  return configForCli(explicitPath, defaultPath, consumers, io).detections;
}

/** Both sections offline commands read: `detections` (organisation) and `scanPolicies` (standards, defaults when absent). */
export function configForCli(
  explicitPath: string | undefined,
  defaultPath: string,
  consumers: readonly SettingsConsumer[],
  io: CommandIO,
): { detections: DetectionSettings; scanPolicies: ScanPolicySettings } {
  if (explicitPath !== undefined && !existsSync(explicitPath)) throw new ProwlError('prowl_bad_command', `--config ${explicitPath}: no such file`);
  const path = explicitPath ?? (existsSync(defaultPath) ? defaultPath : undefined);
  const config = path ? readConfigFile(path) : { detections: EMPTY_DETECTION_SETTINGS, scanPolicies: DEFAULT_SCAN_POLICY_SETTINGS };
  const warning = unconfiguredSettingsWarning(consumers, config.detections);
  if (warning) writeLine(io.stderr, warning);
  return { detections: config.detections, scanPolicies: config.scanPolicies };
}
