import { checkOverrideAuthority, samePerson } from '../../appeals/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { LegalRateCap, Product, ProductType } from '../../policy/index.ts';
import { productCodeOf, type FacilityProduct } from './facility.ts';

/**
 * A manual change of a facility's terms — an override — pure rules. An override names an approved decision
 * of the same customer and product, stays within that product's limit and rate range and under the legal
 * cap in force (the same authority check as an appeal's overturn), carries at least one reason (a code and
 * a note), and when its limit is above the second-person threshold it waits for another person (the
 * appeals' maker-checker rule: a different key under a different name). See docs/lending.md.
 */

export const OVERRIDE_REASON_CODES = [
  'pricing-error',
  'limit-error',
  'complaint-resolution',
  'customer-hardship',
  'fraud-remediation',
  'regulatory',
  'other',
] as const;
export type OverrideReasonCode = (typeof OVERRIDE_REASON_CODES)[number];

export interface OverrideReason {
  readonly code: OverrideReasonCode;
  readonly note: string;
}

export type OverrideStatus = 'pending' | 'applied' | 'rejected';

/** A person acting through an API key: the key and the name it was issued under. */
export interface OverrideActor {
  readonly keyId: string;
  readonly name: string;
}

export interface OverrideTerms {
  readonly customerId: string;
  readonly product: FacilityProduct;
  readonly limit: Money;
  readonly apr: Rate;
  readonly decisionId: string;
}

export interface FacilityOverride extends OverrideTerms {
  readonly id: string;
  readonly reasons: readonly OverrideReason[];
  readonly maker: OverrideActor;
  readonly needsSecondPerson: boolean;
  readonly status: OverrideStatus;
  readonly checker: OverrideActor | null;
  /** Why the checker rejected it, or null. */
  readonly decisionNote: string | null;
  /** The facility version the override wrote, once applied. */
  readonly facilityVersion: number | null;
  readonly proposedAt: Date;
  readonly decidedAt: Date | null;
}

/** What the override needs to know of the decision it names. */
export interface NamedDecision {
  readonly id: string;
  readonly customerId: string;
  readonly productCode: string;
  readonly productType: ProductType | null;
  readonly outcome: string;
}

/** The product of the named decision on the date of the override, and every dated legal cap. */
export interface OverrideBounds {
  readonly product: Product;
  readonly legalRateCaps: readonly LegalRateCap[];
  readonly date: LocalDate;
}

/** Each reason has a known code and a note of 1–500 characters; at least one, at most five. */
export function parseOverrideReasons(value: readonly { code: string; note: string }[]): OverrideReason[] {
  if (value.length === 0)
    throw AppError.invalid('reasons', 'required', 'an override needs at least one reason (code and note)');
  if (value.length > 5) throw AppError.invalid('reasons', 'max-items', 'at most five reasons');
  return value.map((reason, index) => {
    if (!(OVERRIDE_REASON_CODES as readonly string[]).includes(reason.code))
      throw AppError.invalid(
        `reasons[${index}].code`,
        'one-of',
        `the reason code must be one of ${OVERRIDE_REASON_CODES.join(', ')}`,
      );
    const note = reason.note.trim();
    if (note === '' || note.length > 500)
      throw AppError.invalid(`reasons[${index}].note`, 'length', 'say why in 1–500 characters');
    return { code: reason.code as OverrideReasonCode, note };
  });
}

/**
 * The named decision must exist for this customer (a decision of another customer is answered as if it did
 * not exist), be approved, and be for a product of the facility's type.
 */
export function checkNamedDecision(decision: NamedDecision | undefined, terms: OverrideTerms): NamedDecision {
  if (!decision || decision.customerId !== terms.customerId)
    throw AppError.invalid(
      'decisionId',
      'decision-of-customer',
      `no decision ${terms.decisionId} of customer ${terms.customerId} exists`,
    );
  if (decision.outcome !== 'approved')
    throw AppError.invalid(
      'decisionId',
      'approved-decision',
      `decision ${decision.id} was ${decision.outcome}; an override must name an approved decision`,
    );
  const code = productCodeOf(terms.product);
  if (decision.productType !== code)
    throw AppError.invalid(
      'decisionId',
      'same-product',
      `decision ${decision.id} is for ${decision.productCode}, not ${code}`,
    );
  return decision;
}

/**
 * The terms against the product and the legal cap (field `limit` or `apr`, rules `product-min-limit`,
 * `product-max-limit`, `product-min-apr`, `product-max-apr`, `legal-cap`); says whether a second person
 * must approve: a limit above `secondPersonAbove`.
 */
export function checkOverrideTerms(
  terms: OverrideTerms,
  bounds: OverrideBounds,
  secondPersonAbove: Money,
): { needsSecondPerson: boolean } {
  const authority = checkOverrideAuthority(
    { limit: terms.limit, apr: terms.apr },
    { product: bounds.product, legalRateCaps: bounds.legalRateCaps, date: bounds.date },
    secondPersonAbove,
  );
  return { needsSecondPerson: authority.needsSecondReviewer };
}

/** The checker must be another person than the maker: another key, issued under another name. */
export function checkSecondPerson(override: Pick<FacilityOverride, 'maker'>, checker: OverrideActor): void {
  const maker = { kind: 'reviewer' as const, id: override.maker.keyId, name: override.maker.name };
  if (samePerson(maker, { kind: 'reviewer', id: checker.keyId, name: checker.name }))
    throw new AppError(
      'FORBIDDEN',
      'the person who proposed an override cannot approve it; a second person must',
      {
        issues: [
          {
            field: 'checker',
            rule: 'maker-checker',
            message: 'the approver must be another person than the maker (another key, under another name)',
          },
        ],
      },
    );
}

/** The reasons as one line for the facility's history: `code: note; code: note`. */
export function reasonsText(reasons: readonly OverrideReason[]): string {
  return reasons.map((reason) => `${reason.code}: ${reason.note}`).join('; ');
}
