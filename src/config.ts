import { appealSettingsFromEnv } from './appeals/appeal-settings.node.ts';
import type { AppealSettings } from './appeals/index.ts';
import { loadPlatformConfig, type Env, type PlatformConfig } from './platform/config/config.ts';

/**
 * The application's configuration: the platform's, plus the sections contexts read for themselves. Assembled
 * here, beside the composition root, so that `src/platform/` imports no context.
 */
export interface Config extends PlatformConfig {
  /**
   * Appeal settings from `CREDENCE_APPEALS_FILE` and the `CREDENCE_APPEAL_*` variables (defaults for what
   * neither sets); undefined when none is set, and `createApp({ appeals })` wins over both.
   */
  readonly appeals?: AppealSettings;
}

/** Reads configuration once, at start-up, from the environment. */
export function loadConfig(env: Env = process.env): Config {
  const platform = loadPlatformConfig(env);
  const appeals = appealSettingsFromEnv(env);
  return { ...platform, ...(appeals ? { appeals } : {}) };
}
