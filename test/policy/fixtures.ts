import { readFileSync } from 'node:fs';
import { fen } from '../../src/platform/money/money.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { parseLendingSettings, productOn } from '../../src/policy/lending-settings.ts';
import { compilePolicy, type CompiledPolicy } from '../../src/policy/policy-compiler.ts';
import type { PolicyInput } from '../../src/policy/policy-inputs.ts';
import { appetiteOn, type Product, type RiskAppetite } from '../../src/policy/products.ts';

/** The shipped default policy and settings, read once per test file. */
export const defaultPolicyDocument = JSON.parse(
  readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
) as unknown;
export const defaultPolicy: CompiledPolicy = compilePolicy(defaultPolicyDocument);
export const settings = parseLendingSettings(
  JSON.parse(readFileSync(new URL('../../policies/settings.json', import.meta.url), 'utf8')),
);
export const decisionDate = parseLocalDate('2026-11-22');

export function product(code: 'cash_loan' | 'credit_line'): Product {
  const found = productOn(settings.products, code, decisionDate);
  if (!found) throw new Error(`no ${code} in settings`);
  return found.product;
}

export const normalAppetite: RiskAppetite = appetiteOn(settings.riskAppetite, decisionDate);

/**
 * A good established cash-loan applicant: score 720, fully verified, 30 years old, no overdue, two
 * applications in 30 days, ¥12,000 monthly income with ¥1,500 of repayments, four years of history.
 */
export function applicant(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    productType: 'cash_loan',
    score: 720,
    subScores: { identity: 700, capacity: 700, history: 720, relationships: 680, behaviour: 710 },
    verificationLevel: 3,
    age: 30,
    blocklisted: false,
    overdueAmountHere: fen(0n),
    overdueAmountElsewhere: fen(0n),
    inquiries30d: 2,
    hasActiveHold: false,
    historyMonths: 48,
    isNewUser: false,
    onTimeCycles: 24,
    monthlyIncome: fen(1_200_000n),
    monthlyDebtPayments: fen(150_000n),
    requestedAmount: null,
    product: product('cash_loan'),
    appetite: normalAppetite,
    ...overrides,
  };
}
