import { unconfiguredSettingsWarning, type DetectionSettings } from '../config/detection-settings';
import type { DateTime } from 'luxon';
import type { SettingsStore } from '../alerts/settings-store';
import { compileSuppression, isActive, type CompiledSuppression } from '../alerts/suppression';
import { createEngine, type Engine } from '../detect/engine';
import type { Rule } from '../detect/rule';
import { applyRuleStates } from '../detect/rule-state';

export interface Detection {
  engine: Engine;
  suppressions: CompiledSuppression[];
}

export interface DetectionSetup {
  /** The rules and suppressions in force now; one read when nothing changed since the last batch. */
  current(): Promise<Detection>;
}

/**
 * Keeps the engine in step with what people change from Slack. Each batch reads one version
 * number; only when it moved are rule states and suppressions read again and the engine rebuilt,
 * so a rule disabled in Slack stops at the next batch, with no cache to wait out.
 */
export function createDetectionSetup(options: {
  rules: readonly Rule[];
  settings: SettingsStore;
  /** The organisation settings rules read (prowl.config.yml → detections). */
  detectionSettings: DetectionSettings;
  timeBudgetMs: number;
  now: () => DateTime;
  /** Told once, at creation, which settings the rules need are empty. */
  warn?: (message: string) => void;
}): DetectionSetup {
  const missing = unconfiguredSettingsWarning(options.rules, options.detectionSettings);
  if (missing) options.warn?.(missing);
  let cached: { version: number; detection: Detection } | undefined;
  return {
    async current() {
      const version = await options.settings.version();
      if (!cached || cached.version !== version) {
        const [states, suppressions] = await Promise.all([options.settings.ruleStates(), options.settings.suppressions()]);
        cached = {
          version,
          detection: {
            engine: createEngine(applyRuleStates(options.rules, states), { timeBudgetMs: options.timeBudgetMs, settings: options.detectionSettings }),
            suppressions: suppressions.map(compileSuppression),
          },
        };
      }
      // Expiry is checked on every batch: TTL deletes lazily in AWS and never in the emulator.
      const now = options.now();
      return { ...cached.detection, suppressions: cached.detection.suppressions.filter((s) => isActive(s.suppression, now)) };
    },
  };
}
