import { AppError } from '../../platform/errors/app-error.ts';
import { addMoney, positivePart, subMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  productTypeOfStored,
  STORED_PRODUCT_SPELLINGS,
  storedSpellingOf,
  type ProductType,
  type StoredProductSpelling,
} from '../../policy/index.ts';

/**
 * A credit facility: the limit an approved decision grants a customer for one product, and how much of it
 * is in use. It is the one source of "available credit" for cash loans and credit lines alike.
 */
export const FACILITY_PRODUCTS = STORED_PRODUCT_SPELLINGS;
/** A facility's product, as lending's tables spell it (`cash-loan`); `productCodeOf` gives the public code. */
export type FacilityProduct = StoredProductSpelling;

/**
 * `active`: may be drawn on; `frozen`: no new drawing (risk hold, limit review), repayments continue;
 * `suspended`: no new drawing because of the customer's own delinquency; `closed`: ended.
 */
export const FACILITY_STATUSES = ['active', 'frozen', 'suspended', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface Facility {
  readonly id: string;
  readonly customerId: string;
  readonly product: FacilityProduct;
  readonly status: FacilityStatus;
  readonly limit: Money;
  /** Principal drawn and not yet repaid. */
  readonly used: Money;
  /** The contract rate new drawings get. */
  readonly apr: Rate;
  /** The decision that last set the limit and rate. */
  readonly decisionId: string;
  readonly statusReason: string | null;
  readonly version: number;
  readonly openedAt: Date;
  readonly updatedAt: Date;
  /**
   * A temporary extra amount (临时额度, credit lines) usable through `until`; absent or null when none. The
   * day-end step of the first date after `until` removes it (migration 0506).
   */
  readonly temporary?: TemporaryLimit | null;
}

/** Extra credit on top of the limit until a date (inclusive). */
export interface TemporaryLimit {
  readonly amount: Money;
  readonly until: LocalDate;
}

/**
 * limit (+ a temporary amount while it runs) − used while active, never below zero (a lowered limit, or an
 * expired temporary amount, can leave used above the limit).
 */
export function availableCredit(
  facility: Pick<Facility, 'status' | 'limit' | 'used'> & { readonly temporary?: TemporaryLimit | null },
): Money {
  if (facility.status !== 'active') return ZERO;
  const limit = addMoney(facility.limit, facility.temporary?.amount ?? ZERO);
  return positivePart(subMoney(limit, facility.used));
}

/** Why a drawing cannot go ahead — an expected outcome, returned as a value. */
export type DrawRefusal =
  | { readonly reason: 'facility-not-active'; readonly status: FacilityStatus }
  | {
      readonly reason: 'insufficient-available-credit';
      readonly available: Money;
      readonly requested: Money;
    };

/** Whether `amount` may be drawn now; `undefined` means yes. */
export function checkDraw(facility: Facility, amount: Money): DrawRefusal | undefined {
  if (facility.status !== 'active') return { reason: 'facility-not-active', status: facility.status };
  const available = availableCredit(facility);
  if (amount > available) return { reason: 'insufficient-available-credit', available, requested: amount };
  return undefined;
}

/**
 * The product codes people and other systems see — the API, the CLI, the docs — are the decisions' and
 * policies' codes (`cash_loan`, `credit_line`), so one product has one name across a decision, its facility
 * and its loans. Storage keeps the facility's own spelling (`cash-loan`, rows written since migration 0402);
 * the one mapping between the two is the policy context's (`storedSpellingOf` / `productTypeOfStored`).
 */
export const PRODUCT_CODES = ['cash_loan', 'credit_line'] as const satisfies readonly ProductType[];
export type ProductCode = ProductType;

/** The public code of a facility product: `cash-loan` → `cash_loan`. */
export function productCodeOf(product: FacilityProduct): ProductCode {
  return productTypeOfStored(product);
}

/**
 * A product named at the edge: the public code (`cash_loan`, `credit_line`), or the facility spelling
 * (`cash-loan`) that the API and CLI took before, still accepted so that existing callers keep working.
 */
export function parseProductCode(value: string, field = 'product'): FacilityProduct {
  const product = (FACILITY_PRODUCTS as readonly string[]).includes(value)
    ? (value as FacilityProduct)
    : (PRODUCT_CODES as readonly string[]).includes(value)
      ? storedSpellingOf(value as ProductCode)
      : undefined;
  if (!product) {
    throw AppError.invalid(field, 'one-of', `product must be one of ${PRODUCT_CODES.join(', ')}`);
  }
  return product;
}

/** Reads a stored facility product (storage spelling only). */
export function parseFacilityProduct(value: string, field = 'product'): FacilityProduct {
  if (!(FACILITY_PRODUCTS as readonly string[]).includes(value)) {
    throw AppError.invalid(field, 'one-of', `product must be one of ${FACILITY_PRODUCTS.join(', ')}`);
  }
  return value as FacilityProduct;
}

export function parseFacilityStatus(value: string, field = 'status'): FacilityStatus {
  if (!(FACILITY_STATUSES as readonly string[]).includes(value)) {
    throw AppError.invalid(field, 'one-of', `status must be one of ${FACILITY_STATUSES.join(', ')}`);
  }
  return value as FacilityStatus;
}
