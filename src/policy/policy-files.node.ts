import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { parseLendingSettings } from './lending-settings.ts';
import type { PolicyLoadResult, PolicyService, SettingsLoadReport } from './policy-ports.ts';

/** `policies/` at the project root: the shipped policy files and lending settings. */
export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));
export const DEFAULT_POLICY_FILE = `${POLICIES_DIR}default/credit-policy.json`;
export const DEFAULT_SETTINGS_FILE = `${POLICIES_DIR}settings.json`;
/** The effective date the shipped default policy is loaded with. */
export const DEFAULT_POLICY_EFFECTIVE_FROM: LocalDate = parseLocalDate('2026-01-01');

/** Reads a JSON file, refusing an unreadable file or invalid JSON with the path in the message. */
export async function readJsonFile(path: string, field = 'file'): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'BAD_REQUEST',
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      {
        issues: [{ field, rule: 'readable', message: `cannot read ${path}` }],
      },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      'BAD_REQUEST',
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        issues: [{ field, rule: 'json', message: 'not valid JSON' }],
      },
    );
  }
}

/**
 * Loads the shipped default policy (as `default`, effective 2026-01-01) and lending settings. Idempotent:
 * running it again loads nothing new. Used by the demo and by `credence policy install-defaults`.
 */
export async function installDefaultPolicies(
  service: PolicyService,
): Promise<{ policy: PolicyLoadResult; settings: SettingsLoadReport }> {
  const content = await readJsonFile(DEFAULT_POLICY_FILE);
  const policy = await service.load({
    name: 'default',
    effectiveFrom: DEFAULT_POLICY_EFFECTIVE_FROM,
    content,
    description: 'Credence default credit policy (policies/default/credit-policy.json)',
  });
  const settings = await service.loadSettings(
    parseLendingSettings(await readJsonFile(DEFAULT_SETTINGS_FILE)),
  );
  return { policy, settings };
}
