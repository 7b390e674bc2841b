import { appealSettingsFromEnv } from './appeals/appeal-settings.node.ts';
import type { AppealSettings } from './appeals/index.ts';
import { collectionStrategiesFromEnv } from './collections/collection-settings.node.ts';
import type { CollectionStrategy } from './collections/index.ts';
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
  /** Dated collections strategies from `CREDENCE_COLLECTIONS_FILE`; undefined when unset (the default applies). */
  readonly collections?: readonly CollectionStrategy[];
}

/** Reads configuration once, at start-up, from the environment. */
export function loadConfig(env: Env = process.env): Config {
  const platform = loadPlatformConfig(env);
  const appeals = appealSettingsFromEnv(env);
  const collections = collectionStrategiesFromEnv(env);
  return { ...platform, ...(appeals ? { appeals } : {}), ...(collections ? { collections } : {}) };
}
