import { toJson } from '../../src/platform/database/database.ts';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import type { DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import type { StoreUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';

/**
 * A few days of a lender's life, through the real use cases, on a fresh schema: the demo's customers
 * decided on 2026-11-22 (an approval, declines of every kind, a referral, an outage referral, a multi-head
 * credit-line decline), an appeal's re-check and a reviewer's override, two cash loans drawn by the
 * approved customer — one repaid in full the next day, one never repaid — more decisions on 2026-11-23
 * (the clean customer's credit-line approval opens a line, never drawn on), and the day-end batch run to 2027-01-22, by which the unpaid loan is 31 days past due.
 *
 * Scores come from the demo scorecard, which other work may retrain: tests derive exact expectations from
 * the records the scenario returns, and pin only what the demo cases are built to show (the clean
 * customer is approved, the outage is referred for a fault, multi-head borrowing knocks out).
 */
export interface MonitoringScenario {
  readonly t: DecisionTestApp;
  /** Every decision recorded, in the order they were made (overrides included). */
  readonly records: readonly DecisionRecord[];
  /** The loan never repaid (30+ days past due) and the one repaid the day after it was drawn ('' without loans). */
  readonly loans: { readonly unpaid: string; readonly repaid: string };
  readonly appealId: string;
}

export async function monitoringScenario(
  store?: StoreUnderTest,
  options: { readonly loans?: boolean } = {},
): Promise<MonitoringScenario> {
  const withLoans = options.loans !== false;
  const t = await decisionTestApp(store ? { store } : {});
  const { services } = t.app;
  const records: DecisionRecord[] = [];
  const customer = (key: DemoCaseKey): string => {
    const id = t.personas.get(key);
    if (!id) throw new Error(`no demo case ${key}`);
    return id;
  };
  const decide = async (
    key: DemoCaseKey,
    product = 'cash_loan',
    options: { amount?: string; kind?: 'recheck'; linkedTo?: string } = {},
  ): Promise<DecisionRecord> => {
    const record = await services.decisions.decide({
      customerId: customer(key),
      productCode: product,
      requestedAmount: options.amount === undefined ? null : parseMoney(options.amount),
      ...(options.kind ? { kind: options.kind, linkedTo: options.linkedTo ?? null } : {}),
    });
    records.push(record);
    t.clock.advanceMs(60_000);
    return record;
  };

  // 2026-11-22, from 10:00 Shanghai.
  await decide('clean_approval');
  const lowScore = await decide('low_score');
  await decide('unverified_phone');
  await decide('thin_file');
  await decide('abnormal_limit_checks');
  await decide('tightened_policy');
  await decide('new_user_first_limit', 'cash_loan', { amount: '8000.00' });
  await decide('outage');
  await decide('multi_head', 'credit_line');
  const appealId = t.app.ids.next('appeal');
  await decide('unverified_phone', 'cash_loan', { kind: 'recheck', linkedTo: appealId });
  const override = await services.decisions.recordOverride({
    decisionId: lowScore.id,
    appealId,
    reviewer: 'rvw_monitoring_test',
    note: 'the arrear elsewhere was the bank’s error',
    outcome: 'approved',
    limit: parseMoney('8000.00'),
    apr: '0.146',
    applyToFacility: false,
  });
  records.push(override);

  // The clean customer draws twice on the first limit: one loan is never repaid, the other is paid off.
  const draw = async (amount: string, term: number, key: string): Promise<string> => {
    const result = await services.loans.drawdown({
      customerId: customer('clean_approval'),
      amount: parseMoney(amount),
      term,
      method: 'equal-installment',
      idempotencyKey: key,
    });
    if (result.outcome !== 'drawn')
      throw new Error(`the scenario loan was not drawn: ${toJson(result.refusal)}`);
    return result.receipt.loanId;
  };
  const unpaid = withLoans ? await draw('2000.00', 12, 'monitoring-unpaid') : '';
  const repaid = withLoans ? await draw('3000.00', 3, 'monitoring-repaid') : '';

  // 2026-11-23: more decisions (the clean customer's facility is decided again after its loans were
  // drawn); the second loan is paid off.
  t.clock.set(new Date('2026-11-23T02:00:00Z'));
  await decide('clean_approval');
  const lineDecision = await decide('clean_approval', 'credit_line');
  await decide('tightened_policy');
  await decide('thin_file');
  if (!withLoans) return { t, records, loans: { unpaid, repaid }, appealId };
  // The credit-line approval opens a line (never drawn on: it cannot go bad, it is counted as opened).
  if (lineDecision.outcome === 'approved')
    await services.creditLines.openLine({ customerId: customer('clean_approval') });
  const quote = await services.loans.payoffQuote(repaid);
  await services.loans.repay({
    loanId: repaid,
    amount: quote.total,
    intent: 'prepayment',
    idempotencyKey: 'monitoring-payoff',
  });

  // Two months on: the day-end brings the unpaid loan to 31 days past due.
  t.clock.set(new Date('2027-01-23T02:00:00Z'));
  await services.dayEnd.run({ through: parseLocalDate('2027-01-22') });

  return { t, records, loans: { unpaid, repaid }, appealId };
}
