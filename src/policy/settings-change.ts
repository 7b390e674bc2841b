import { AppError } from '../platform/errors/app-error.ts';
import { describeShadow } from './shadow-assignment.ts';
import { parseLendingSettings, type LendingSettings } from './lending-settings.ts';
import { describeLegalRateCap } from './products.ts';

/** The dated lending settings a change request may set, by the key of `policies/settings.json`. */
export const SETTINGS_CHANGE_KINDS = [
  'products',
  'legalRateCaps',
  'riskAppetite',
  'assignments',
  'collectionStrategies',
] as const;
export type SettingsChangeKind = (typeof SETTINGS_CHANGE_KINDS)[number];

export interface SettingsChangeRequest {
  readonly kind: SettingsChangeKind;
  readonly effectiveFrom: string;
  /** The entry as in `policies/settings.json`, without its `effectiveFrom`. */
  readonly setting: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

/** The settings document of one settings change (validated as the settings file is). */
export function settingsOfChange(
  kind: SettingsChangeKind,
  effectiveFrom: string,
  setting: unknown,
): LendingSettings {
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting))
    throw AppError.invalid('setting', 'object', 'the setting must be a JSON object');
  try {
    return parseLendingSettings({ [kind]: [{ ...(setting as Record<string, unknown>), effectiveFrom }] });
  } catch (error) {
    // The settings parser names `products[0].minLimit`; here the entry is `setting`.
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      const rename = (field: string) => field.replace(new RegExp(`^${kind}\\[0\\]\\.?`), 'setting.');
      throw new AppError(
        'VALIDATION_FAILED',
        error.message.replace(new RegExp(`${kind}\\[0\\]\\.?`, 'g'), 'setting.'),
        {
          issues: error.issues.map((issue) => ({
            ...issue,
            field: issue.field === 'setting.effectiveFrom' ? 'effectiveFrom' : rename(issue.field),
          })),
        },
      );
    }
    throw error;
  }
}

/** The subject (what the change is about, for the inbox) and the one-line summary of a settings change. */
export function describeSetting(
  kind: SettingsChangeKind,
  settings: LendingSettings,
): { subject: string; summary: string } {
  switch (kind) {
    case 'products': {
      const entry = settings.products[0];
      return { subject: `product:${entry?.product.code}`, summary: `product ${entry?.product.code}` };
    }
    case 'legalRateCaps': {
      const cap = settings.legalRateCaps[0];
      return {
        subject: 'legal-rate-cap',
        summary: `legal rate cap ${cap ? describeLegalRateCap(cap) : 'none'}`,
      };
    }
    case 'riskAppetite': {
      const setting = settings.riskAppetite[0];
      return {
        subject: 'risk-appetite',
        summary: `risk appetite "${setting?.name}" (cut-off +${setting?.cutoffRaise})`,
      };
    }
    case 'assignments': {
      const assignment = settings.assignments[0];
      return {
        subject: `assignment:${assignment?.productCode}`,
        summary: `${assignment?.productCode}: champion ${assignment?.championPolicy}${
          assignment?.challengerPolicy
            ? `, challenger ${assignment.challengerPolicy} ${assignment.challengerShareBps / 100}%`
            : ''
        }${assignment?.shadow ? `, ${describeShadow(assignment.shadow)}` : ''}`,
      };
    }
    case 'collectionStrategies': {
      const strategy = settings.collectionStrategies?.[0];
      return {
        subject: 'collection-strategy',
        summary: strategy
          ? `collections strategy: call queue from ${strategy.callQueueFrom}, contact ${strategy.contactHours.from}–${strategy.contactHours.to}, at most ${strategy.caps.perDay} a day and ${strategy.caps.perWeek} a week`
          : 'collections strategy',
      };
    }
  }
}
