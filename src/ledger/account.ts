/**
 * The chart of accounts. Every account belongs to one customer and one contract (a loan, a credit line, an
 * instalment plan) — including the lender's side (funding, income, write-off expense), which is kept per
 * contract as well: the lender's interest income is the sum of its `interest_income` accounts. That keeps
 * every row of the ledger distributable by `customer_id` and removes the hot rows a single lender-wide
 * income account would be under concurrent postings.
 */
export const ACCOUNT_KINDS = [
  'principal_receivable',
  'interest_receivable',
  'fee_receivable',
  'penalty_receivable',
  'customer_overpayment',
  'funding',
  'interest_income',
  'fee_income',
  'penalty_income',
  'write_off_expense',
  'recovery_income',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export type Side = 'D' | 'C';

interface KindInfo {
  /** The side on which the balance grows: debit for assets and expenses, credit for liabilities and income. */
  readonly normalSide: Side;
  /** Whether the balance may never go below zero (receivables, money held for the customer, income). */
  readonly nonNegative: boolean;
  readonly owner: 'customer' | 'lender';
}

/** Mirrors the `ledger_account_kinds` reference table (migration 0401), which the database enforces. */
export const ACCOUNT_KIND_INFO: Readonly<Record<AccountKind, KindInfo>> = {
  principal_receivable: { normalSide: 'D', nonNegative: true, owner: 'customer' },
  interest_receivable: { normalSide: 'D', nonNegative: true, owner: 'customer' },
  fee_receivable: { normalSide: 'D', nonNegative: true, owner: 'customer' },
  penalty_receivable: { normalSide: 'D', nonNegative: true, owner: 'customer' },
  customer_overpayment: { normalSide: 'C', nonNegative: true, owner: 'customer' },
  funding: { normalSide: 'D', nonNegative: false, owner: 'lender' },
  interest_income: { normalSide: 'C', nonNegative: true, owner: 'lender' },
  fee_income: { normalSide: 'C', nonNegative: true, owner: 'lender' },
  penalty_income: { normalSide: 'C', nonNegative: true, owner: 'lender' },
  write_off_expense: { normalSide: 'D', nonNegative: true, owner: 'lender' },
  // Cash received on amounts written off (a credit line's recoveries; migration 0530).
  recovery_income: { normalSide: 'C', nonNegative: true, owner: 'lender' },
};

export function isAccountKind(value: string): value is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(value);
}

/** One account: a customer's contract's component. */
export interface AccountRef {
  readonly customerId: string;
  readonly contractId: string;
  readonly kind: AccountKind;
}

/** A stable string key for maps. */
export function accountKey(ref: AccountRef): string {
  return `${ref.customerId}/${ref.contractId}/${ref.kind}`;
}

/** The change of a balance (normal side positive) that a posting of `amount` on `side` makes. */
export function balanceEffect(kind: AccountKind, side: Side, amount: bigint): bigint {
  return ACCOUNT_KIND_INFO[kind].normalSide === side ? amount : -amount;
}
