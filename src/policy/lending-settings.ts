import { parseCollectionStrategies, type CollectionStrategy } from '../collections/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { parseAssignment, type PolicyAssignment } from './champion-challenger.ts';
import { parseShadowSetting } from './shadow-assignment.ts';
import {
  parseLegalRateCap,
  parseProduct,
  parseRiskAppetite,
  type LegalRateCap,
  type Product,
  type RiskAppetite,
} from './products.ts';

/** A product definition in force from a date until the next definition of the same code. */
export interface DatedProduct {
  readonly effectiveFrom: LocalDate;
  readonly product: Product;
}

/**
 * Everything besides the policy graphs that a credit decision depends on, all dated: products, the legal
 * rate cap, risk appetite, and which policy decides each product (champion/challenger).
 */
export interface LendingSettings {
  readonly products: readonly DatedProduct[];
  readonly legalRateCaps: readonly LegalRateCap[];
  readonly riskAppetite: readonly RiskAppetite[];
  readonly assignments: readonly PolicyAssignment[];
  /**
   * The collections strategies stored through four-eyes changes (absent or empty: none stored yet, and the
   * configured strategy applies throughout).
   */
  readonly collectionStrategies?: readonly CollectionStrategy[];
}

function list(json: Record<string, unknown>, key: string): unknown[] {
  const value = json[key] ?? [];
  if (!Array.isArray(value)) throw AppError.invalid(key, 'array', `${key} must be a list`);
  return value;
}

/** Validates a settings document such as `policies/settings.json`. */
export function parseLendingSettings(json: unknown): LendingSettings {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw AppError.invalid('settings', 'object', 'lending settings must be a JSON object');
  }
  const record = json as Record<string, unknown>;
  const products = list(record, 'products').map((entry, index) => {
    const field = `products[${index}]`;
    const effectiveFrom = parseLocalDate(
      String((entry as Record<string, unknown>)?.effectiveFrom),
      `${field}.effectiveFrom`,
    );
    return { effectiveFrom, product: parseProduct(entry, field) };
  });
  const seen = new Set<string>();
  for (const { effectiveFrom, product } of products) {
    const key = `${product.code}@${effectiveFrom}`;
    if (seen.has(key))
      throw AppError.invalid(
        'products',
        'duplicate',
        `${product.code} is defined twice from ${effectiveFrom}`,
      );
    seen.add(key);
  }
  const strategies = list(record, 'collectionStrategies');
  let collectionStrategies: readonly CollectionStrategy[] = [];
  if (strategies.length > 0) {
    try {
      collectionStrategies = parseCollectionStrategies(strategies);
    } catch (error) {
      // The strategies' parser names `strategies[0]…`; in the settings document the list is `collectionStrategies`.
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
        const rename = (text: string) => text.replace(/\bstrategies\[/g, 'collectionStrategies[');
        throw new AppError('VALIDATION_FAILED', rename(error.message), {
          issues: error.issues.map((issue) => ({ ...issue, field: rename(issue.field) })),
        });
      }
      throw error;
    }
  }
  return {
    products,
    ...(collectionStrategies.length > 0 ? { collectionStrategies } : {}),
    legalRateCaps: list(record, 'legalRateCaps').map((entry, index) =>
      parseLegalRateCap(entry, `legalRateCaps[${index}]`),
    ),
    riskAppetite: list(record, 'riskAppetite').map((entry, index) =>
      parseRiskAppetite(entry, `riskAppetite[${index}]`),
    ),
    assignments: list(record, 'assignments').map((entry, index) => {
      const assignment = parseAssignment(entry, `assignments[${index}]`);
      const shadow = parseShadowSetting(
        (entry as Record<string, unknown> | null)?.shadow,
        `assignments[${index}].shadow`,
        assignment.effectiveFrom,
      );
      return shadow ? { ...assignment, shadow } : assignment;
    }),
  };
}

/** The definition of a product in force on `date`. */
export function productOn(
  products: readonly DatedProduct[],
  code: string,
  date: LocalDate,
): DatedProduct | undefined {
  let found: DatedProduct | undefined;
  for (const entry of products) {
    if (entry.product.code !== code || entry.effectiveFrom > date) continue;
    if (!found || entry.effectiveFrom > found.effectiveFrom) found = entry;
  }
  return found;
}
